using System.Text;
using ClosedXML.Excel;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing;

namespace Invitations.Api.Tests.Jobs;

public sealed class When_results_are_downloaded
{
    [Test]
    public async Task Should_give_one_csv_line_per_dealer_in_row_order_with_codes_and_no_formulas()
    {
        var sponsorId = TestIds.NewSponsorId();
        var job = await JobSeed.CreateAsync(sponsorId, rows: 3);
        await JobSeed.RenameDealerAsync(job, 3, "=HYPERLINK(\"http://evil\")");
        await JobSeed.FinishAsync(job, BulkJobStatus.PartialSuccess,
            (2, RowStatus.Succeeded, null), (3, RowStatus.Failed, "-rejected"), (4, RowStatus.Succeeded, null));
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);

        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/api/v1/bulk-invitations/{job.Id}/results?format=csv")).TrimStart('\uFEFF');

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines, Has.Length.EqualTo(4));
            Assert.That(lines[0], Is.EqualTo("\"Row\",\"Email\",\"Phone\",\"DealerName\",\"Status\",\"InvitationId\",\"InvitationStatus\",\"Codes\",\"Error\",\"Sms\""));
            Assert.That(lines.Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(new[] { "2", "3", "4" }));
            Assert.That(lines[1], Does.Contain("S-"));
            Assert.That(lines[2], Does.Contain("'=HYPERLINK"));
            Assert.That(lines[2], Does.EndWith(",\"'-rejected\",\"\""), "no SMS went out for the failed row");
            Assert.That(lines[1].Split(',')[2], Does.StartWith("\"'+90"));
        }
    }

    [Test]
    public async Task Should_quote_every_text_field_and_neutralise_a_formula_after_any_separator()
    {
        const string name = "Acme Ltd;=2+3;\t@SUM(A1)\n-1, +2";
        var sponsorId = TestIds.NewSponsorId();
        var job = await JobSeed.CreateAsync(sponsorId, rows: 1);
        await JobSeed.RenameDealerAsync(job, 2, name);
        await JobSeed.FinishAsync(job, BulkJobStatus.Completed, (2, RowStatus.Succeeded, null));
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);

        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/api/v1/bulk-invitations/{job.Id}/results?format=csv"));
        await using var stream = await client.GetStreamAsync($"/api/v1/bulk-invitations/{job.Id}/results?format=xlsx");
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        using var workbook = new XLWorkbook(memory);

        const string neutral = "Acme Ltd;'=2+3;'\t'@SUM(A1)\n'-1, '+2";
        Assert.That(csv, Does.Contain(",\"" + neutral + "\","));
        Assert.That(Cells(csv).Where(c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@'), Is.Empty, "no cell of any split opens a formula");
        Assert.That(workbook.Worksheet(1).Cell(2, 4).GetString(), Is.EqualTo(neutral));
    }

    [Test]
    public async Task Should_give_an_xlsx_with_the_same_lines()
    {
        var sponsorId = TestIds.NewSponsorId();
        var job = await JobSeed.CreateAsync(sponsorId, rows: 2);
        await JobSeed.FinishAsync(job, BulkJobStatus.Completed, (2, RowStatus.Succeeded, null), (3, RowStatus.Succeeded, null));
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);

        await using var stream = await client.GetStreamAsync($"/api/v1/bulk-invitations/{job.Id}/results?format=xlsx");
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        using var workbook = new XLWorkbook(memory);
        var sheet = workbook.Worksheet(1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sheet.LastRowUsed().RowNumber(), Is.EqualTo(3));
            Assert.That(sheet.Cell(2, 1).GetString(), Is.EqualTo("2"));
            Assert.That(sheet.Cell(3, 5).GetString(), Is.EqualTo("Succeeded"));
            Assert.That(sheet.Cell(2, 8).GetString(), Does.StartWith("S-"));
        }
    }

    /// <summary>The CSV's text split the way a careless reader would: on every separator, ignoring quotes, spaces trimmed.</summary>
    private static IEnumerable<string> Cells(string csv) =>
        csv.Replace("\"", string.Empty, StringComparison.Ordinal).Split([',', ';', '\t', '\r', '\n']).Select(c => c.Trim(' '));
}
