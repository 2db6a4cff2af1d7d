using System.Net;
using System.Text.Json;
using Invitations.Contracts.BulkInvitations;
using Invitations.Testing;
using Invitations.Testing.Sponsors;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Api.Tests.Uploads;

/// <summary>
/// The hostile workbooks, built here: deep nesting in every part, millions of elements, absurd and
/// repeated references. Each is refused with a 400 that says why, nothing is stored, and the Api then still reads a
/// good file (the old reader died of a stack overflow on the first, which no test host survives).
/// </summary>
public sealed class When_a_hostile_workbook_is_uploaded
{
    public static IEnumerable<TestCaseData> Cases() => HostileWorkbooks.All().Select(c => new TestCaseData(c.File).SetArgDisplayNames(c.Case));

    [TestCaseSource(nameof(Cases))]
    public async Task Should_refuse_it_with_a_400_store_nothing_and_keep_serving(byte[] file)
    {
        var sponsorId = TestIds.NewSponsorId();
        await Upload.GiveCodesAsync(sponsorId, PackageTier.M, 5);
        using var client = TestRun.Api.CreateSponsorClient(sponsorId);

        using var response = await Upload.PostAsync(client, file, fields: DryRun);
        var body = await Upload.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body.ToString());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(body.GetProperty("detail").GetString(), Does.Contain("too complex").Or.Contain("reference"));
        Assert.That(await StoredAnythingAsync(sponsorId), Is.False);
        await AssertStillServingAsync(client);
    }

    [Test]
    public async Task Should_read_lower_case_cell_references()
    {
        var file = HostileWorkbook.Create(w => w.Write(HostileWorkbook.Header.Replace("r=\"A1\"", "r=\"a1\"", StringComparison.Ordinal) + HostileWorkbook.Row("2", 1, "lower") + HostileWorkbook.Row("3", 2, "lower")));

        var rows = Parse.Xlsx(file).Rows;

        Assert.That(rows.Select(r => (r.RowNumber, r.Cells[0], r.Cells[3])), Is.EqualTo(new[] { (1, "Email", "Tier"), (2, "d1@ornek.com", "M"), (3, "d2@ornek.com", "M") }));
    }

    private static readonly Dictionary<string, string> DryRun = new() { ["dryRun"] = "true" };

    private static async Task AssertStillServingAsync(HttpClient client)
    {
        using var good = await Upload.PostAsync(client, HostileWorkbook.Create(w => w.Write(HostileWorkbook.Header + HostileWorkbook.Row("2", 1))), fields: DryRun);
        var report = await Upload.JsonAsync(good);
        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.OK), report.ToString());
        Assert.That(report.GetProperty("validRows").GetInt32(), Is.EqualTo(1), report.ToString());
    }

    private static async Task<bool> StoredAnythingAsync(long sponsorId)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        return await db.BulkInvitationJobs.AnyAsync(j => j.SponsorId == sponsorId)
            || await db.SponsorshipCodes.AnyAsync(c => c.SponsorId == sponsorId && c.ReservedByJobId != null);
    }
}
