using System.Diagnostics;
using System.Net;
using Invitations.Api.Uploads.Parsing;
using Invitations.Testing;

namespace Invitations.Api.Tests.Uploads;

/// <summary>
/// Hostile binary workbooks, built here record by record: lengths past the record or the part, absurd counts, rows
/// going back, columns past XFD. Each is refused with a 400 that says why, within a fraction of the parse budget,
/// before anything of the claimed size is allocated.
/// </summary>
public sealed class When_a_hostile_xlsb_is_uploaded
{
    public static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("record-size-past-the-part", Header().Raw(Record(6, 100_000_000, Cell(0))), "corrupt");
        yield return Case("huge-string-length", Header().Row(2).Raw(Record(6, [.. Cell(0), .. UInt32(0x7FFF_FFFF), 0x41, 0])), "corrupt");
        yield return Case("huge-shared-string-length", Header(), "corrupt", SharedStringsPart(
            [.. Record(XlsbFiles.BeginSst, [.. UInt32(1), .. UInt32(1)]), .. Record(19, [0, .. UInt32(0x4000_0000)])]));
        yield return Case("absurd-shared-string-count", Header(), "too complex", SharedStringsPart(AbsurdSharedStrings()));
        yield return Case("millions-of-blank-cells-in-a-row", BlankCells(2_000_000), "too complex");
        yield return Case("rows-decreasing", Header().Row(3).Inline(1, "d@ornek.com").Row(2).Inline(1, "e@ornek.com"), "reference");
        yield return Case("row-repeated", Header().Row(2).Inline(1, "d@ornek.com").Row(2).Inline(1, "e@ornek.com"), "reference");
        yield return Case("row-past-excel", Header().Row(1_048_577).Inline(1, "d@ornek.com"), "reference");
        yield return Case("column-past-xfd", Header().Row(2).Inline(16_385, "d@ornek.com"), "reference");
        yield return Case("cells-going-back", Header().Row(2).Inline(2, "0532").Inline(1, "d@ornek.com"), "reference");
        yield return Case("record-type-past-two-bytes", Header().Raw([0x86, 0x80]), "corrupt");
        yield return Case("cell-before-any-row", new XlsbSheet().Inline(1, "Email"), "corrupt");
    }

    [TestCaseSource(nameof(Cases))]
    public void Should_refuse_it_quickly_with_a_400_saying_why(byte[] file, string detail)
    {
        var clock = Stopwatch.StartNew();
        var ex = Assert.Throws<UploadRejectedException>(() => Parse.Xlsb(file));
        clock.Stop();

        Assert.That(ex.StatusCode, Is.EqualTo(400));
        Assert.That(Api.Uploads.UploadText.Get(Api.Uploads.UploadLanguage.English, ex.DetailKey, [.. ex.Args]), Does.Contain(detail));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), $"{clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Test]
    public async Task Should_answer_the_upload_with_a_problem_400_and_keep_serving()
    {
        using var client = TestRun.Api.CreateSponsorClient(TestIds.NewSponsorId());
        var hostile = XlsbFiles.Create(Header().Row(3).Inline(1, "d@ornek.com").Row(2).Inline(1, "e@ornek.com"));

        using var response = await Upload.PostAsync(client, hostile, "bayiler.xlsb", new Dictionary<string, string> { ["dryRun"] = "true" }, language: "en");
        var body = await Upload.JsonAsync(response);
        using var good = await Upload.PostAsync(client, When_an_xlsb_is_read.Workbook(), "bayiler.xlsb", new Dictionary<string, string> { ["dryRun"] = "true" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body.ToString());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(body.GetProperty("detail").GetString(), Does.Contain("reference"));
        Assert.That(good.StatusCode, Is.Not.EqualTo(HttpStatusCode.BadRequest).And.Not.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    private static TestCaseData Case(string name, XlsbSheet sheet, string detail, byte[]? sharedStrings = null) =>
        new TestCaseData(XlsbFiles.Create([("Bayiler", false, sheet)], sharedStringsPart: sharedStrings), detail).SetArgDisplayNames(name);

    private static XlsbSheet Header() => new XlsbSheet().Row(1).Inline(1, "Email").Inline(2, "Phone").Inline(3, "DealerName").Inline(4, "Tier");

    private static XlsbSheet BlankCells(int count)
    {
        var sheet = Header().Row(2);
        var cells = new MemoryStream();
        for (var i = 0; i < count; i++)
        {
            XlsbFiles.Record(cells, 1, Cell((uint)i));
        }

        return sheet.Raw(cells.ToArray());
    }

    /// <summary>A table claiming 4 billion strings, and holding more than a file of 2,000 dealers may need.</summary>
    private static byte[] AbsurdSharedStrings()
    {
        var part = new MemoryStream();
        XlsbFiles.Record(part, XlsbFiles.BeginSst, [.. UInt32(uint.MaxValue), .. UInt32(uint.MaxValue)]);
        for (var i = 0; i < 200_000; i++)
        {
            XlsbFiles.Record(part, 19, [0, .. UInt32(1), 0x41, 0]);
        }

        return part.ToArray();
    }

    private static byte[] SharedStringsPart(byte[] records) => records;

    private static byte[] Cell(uint column) => [.. UInt32(column), .. UInt32(0)];

    private static byte[] UInt32(uint value) => BitConverter.GetBytes(value);

    private static byte[] Record(int type, byte[] payload)
    {
        var stream = new MemoryStream();
        XlsbFiles.Record(stream, type, payload);
        return stream.ToArray();
    }

    private static byte[] Record(int type, int size, byte[] payload)
    {
        var stream = new MemoryStream();
        XlsbFiles.Record(stream, type, size, payload);
        return stream.ToArray();
    }
}
