using System.Text.Json;
using Invitations.Testing;

namespace Invitations.Api.Tests.Uploads;

/// <summary>
/// Every file of the corpus (tests/Corpus: the same dealers written by XlsxWriter, openpyxl, LibreOffice, SheetJS and
/// ExcelJS, and a Turkish Excel CSV) uploaded as a dry run, each answered as its manifest says. deploy/local/test.sh
/// generates the corpus and sets INVITATIONS_TEST_CORPUS; without it the case says so and is ignored.
/// </summary>
public sealed class When_the_corpus_is_uploaded
{
    [Test]
    public async Task Should_answer_each_file_as_its_manifest_says()
    {
        var folder = Environment.GetEnvironmentVariable("INVITATIONS_TEST_CORPUS");
        if (string.IsNullOrEmpty(folder))
        {
            Assert.Ignore("INVITATIONS_TEST_CORPUS is not set: run tests/Corpus/generate.sh (deploy/local/test.sh does).");
        }

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json")));
        var entries = manifest.RootElement.EnumerateArray().ToList();
        Assert.That(entries, Has.Count.GreaterThanOrEqualTo(10));
        using var scope = Assert.EnterMultipleScope();
        foreach (var entry in entries)
        {
            var file = entry.GetProperty("file").GetString()!;
            using var client = TestRun.Api.CreateSponsorClient(TestIds.NewSponsorId());
            using var response = await Upload.PostAsync(
                client, await File.ReadAllBytesAsync(Path.Combine(folder, file)), file,
                new Dictionary<string, string> { ["dryRun"] = "true", ["useRowSpecificCounts"] = "true" }, language: "en");
            var body = await Upload.JsonAsync(response);

            Assert.That((int)response.StatusCode, Is.EqualTo(entry.GetProperty("status").GetInt32()), $"{file}: {body}");
            if (entry.TryGetProperty("detail", out var detail))
            {
                Assert.That(body.GetProperty("detail").GetString(), Does.Contain(detail.GetString()), file);
                continue;
            }

            var errorRows = body.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().Select(e => e.GetProperty("row").GetInt32()).Distinct() : [];
            Assert.That(
                (body.GetProperty("rows").GetInt32(), body.GetProperty("validRows").GetInt32(), errorRows.ToArray()),
                Is.EqualTo((entry.GetProperty("rows").GetInt32(), entry.GetProperty("validRows").GetInt32(),
                    entry.GetProperty("errorRows").EnumerateArray().Select(r => r.GetInt32()).ToArray())),
                $"{file}: {body}");
        }
    }
}
