using System.Net;
using Invitations.Api.Uploads;
using Invitations.Contracts.BulkInvitations;
using Invitations.Testing;

namespace Invitations.Api.Tests.Uploads;

/// <summary>
/// The readers' bounds against hostile files grow with <c>Uploads:MaxRows</c>: a real list that long is read whole
/// (the benchmark's 50,000-row dry run was refused as "too complex" when they were fixed at 100,000 shared strings),
/// and at the default the same list is told it has too many rows, not that it is corrupt.
/// </summary>
public sealed class When_an_operator_raises_the_row_limit
{
    private const int Dealers = 20_000;

    private static readonly Dictionary<string, string> DryRun = new() { ["dryRun"] = "true" };

    /// <summary>
    /// The default limits, with a parse allowed longer than the default 2 s: what is asserted is the answer, and a
    /// loaded CI machine reading 20,000 or 50,000 rows up to the limit may take longer (not a timing goal).
    /// </summary>
    private static ApiFactory DefaultLimitsApi() =>
        new(TestRun.Infrastructure, new Dictionary<string, string?> { ["Uploads:ParseTimeout"] = "00:00:30" });

    [Test]
    public async Task Should_read_every_row_of_a_list_that_long()
    {
        await using var api = new ApiFactory(TestRun.Infrastructure, new Dictionary<string, string?>
        {
            ["Uploads:MaxRows"] = "20000",

            // Not a timing goal: a loaded CI machine may take more than the default 2 s over 20,000 rows.
            ["Uploads:ParseTimeout"] = "00:00:30",
        });
        var sponsorId = TestIds.NewSponsorId();
        await Upload.GiveCodesAsync(sponsorId, PackageTier.M, 5);
        using var client = api.CreateSponsorClient(sponsorId);

        // 100,007 shared strings: past the fixed 100,000 of old, within 50 a row × (20,000 + 11).
        using var response = await Upload.PostAsync(client, LongDealerList.Create(Dealers, $"raised{sponsorId}"), fields: DryRun);
        var report = await Upload.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), report.ToString());
        Assert.That(report.GetProperty("rows").GetInt32(), Is.EqualTo(Dealers), report.ToString());
        Assert.That(report.GetProperty("validRows").GetInt32(), Is.EqualTo(Dealers), () => report.ToString()[..Math.Min(1_000, report.ToString().Length)]);
    }

    [Test]
    public void Should_still_read_a_full_list_when_cells_are_limited_to_a_few_characters()
    {
        // The characters a part may hold leave room for its markup whatever MaxCellLength is.
        var rows = Parse.Xlsx(LongDealerList.Create(2_000, "short"), new UploadOptions { MaxCellLength = 10 }).Rows;

        Assert.That(rows, Has.Count.EqualTo(2_001));
    }

    [Test]
    public async Task Should_say_the_default_limit_of_rows_when_the_list_is_longer()
    {
        var sponsorId = TestIds.NewSponsorId();
        await using var api = DefaultLimitsApi();
        using var client = api.CreateSponsorClient(sponsorId);

        using var response = await Upload.PostAsync(client, LongDealerList.Create(Dealers, $"default{sponsorId}"), fields: DryRun, language: "en");
        var problem = await Upload.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToString());
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("A file may hold at most 2000 dealers; this one has more rows."));
    }

    [Test]
    public async Task Should_say_the_default_limit_of_rows_when_the_table_is_past_its_bound_too()
    {
        // 250,007 shared strings: past the default table's bound, but the sheet is too long first, and that is what is said.
        var sponsorId = TestIds.NewSponsorId();
        await using var api = DefaultLimitsApi();
        using var client = api.CreateSponsorClient(sponsorId);

        using var response = await Upload.PostAsync(client, LongDealerList.Create(50_000, $"past{sponsorId}"), fields: DryRun, language: "en");
        var problem = await Upload.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToString());
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("A file may hold at most 2000 dealers; this one has more rows."));
    }
}
