using System.Globalization;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Codes;
using Invitations.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Invitations.Browser.Tests.DealerPages;

/// <summary>
/// The dealer's side in Chromium: the sponsor uploads with SMS on, the Worker's Log provider stores each SMS,
/// a dealer opens the link in its text, sees the invitation and accepts it, and sees the codes; the
/// sponsor's dashboard, open all along, shows the invitation counts move without a reload.
/// </summary>
public sealed partial class When_a_dealer_opens_the_link_from_the_sms
{
    private const int Rows = 3;

    [Test]
    public async Task Should_accept_show_the_codes_and_move_the_sponsors_counts()
    {
        var sponsorId = TestIds.NewSponsorId();
        await using (var db = TestRun.Infrastructure.CreateDbContext())
        {
            await new CodeIssuer(db, TimeProvider.System).IssueAsync(sponsorId, PackageTier.M, Rows * 2, null, CancellationToken.None);
        }

        var file = WriteDealers(sponsorId);
        await using var worker = await InProcessWorker.StartAsync(new Dictionary<string, string?>
        {
            ["Sms:LinkBaseUrl"] = new Uri(TestRun.Api.Address, "/invitations/").ToString(),
        });
        await using var chromium = await Chromium.LaunchAsync();
        var (sponsor, sponsorErrors) = await chromium.NewPageAsync();
        await sponsor.GotoAsync("/");
        await sponsor.GetByLabel("Sponsor numarası").FillAsync(sponsorId.ToString(CultureInfo.InvariantCulture));
        await sponsor.GetByRole(AriaRole.Button, new() { Name = "Giriş yap" }).ClickAsync();
        await Assertions.Expect(sponsor.Locator("#connection")).ToHaveTextAsync("Canlı bağlantı açık");
        await sponsor.GetByLabel("Bayi dosyası (.xlsx veya .csv)").SetInputFilesAsync(file);
        await sponsor.GetByLabel("Varsayılan paket").SelectOptionAsync("M");
        await sponsor.GetByLabel("Varsayılan kod adedi").FillAsync("2");
        await sponsor.GetByRole(AriaRole.Button, new() { Name = "Yükle ve başlat" }).ClickAsync();
        await Assertions.Expect(sponsor.Locator("#job-status")).ToHaveTextAsync("Tamamlandı", new() { Timeout = 60_000 });
        await Assertions.Expect(sponsor.Locator("#invitation-counts"))
            .ToHaveTextAsync("Davetler: 3 bekliyor · 0 kabul · 0 ret · 0 süresi doldu");

        var (text, codes) = await SmsAndCodesAsync(sponsorId, row: 2);
        var link = LinkInSms().Match(text).Value;
        var (dealer, dealerErrors) = await chromium.NewPageAsync();
        var opened = await dealer.GotoAsync(link);
        await Assertions.Expect(dealer.Locator("#dealer")).ToHaveTextAsync("Bayi 1");
        await Assertions.Expect(dealer.Locator("#code-count")).ToHaveTextAsync("2 adet, M paket");
        await Chromium.ScreenshotAsync(dealer, "invitation-open");
        await dealer.GetByRole(AriaRole.Button, new() { Name = "Daveti kabul et" }).ClickAsync();

        await Assertions.Expect(dealer.Locator("#accepted-title")).ToHaveTextAsync("Davet kabul edildi");
        await Assertions.Expect(dealer.Locator("#codes li")).ToHaveTextAsync(codes.ToArray());
        await Assertions.Expect(dealer.GetByRole(AriaRole.Button, new() { Name = "Daveti kabul et" })).ToBeHiddenAsync();
        await Chromium.ScreenshotAsync(dealer, "invitation-accepted");
        await Assertions.Expect(sponsor.Locator("#invitation-counts"))
            .ToHaveTextAsync("Davetler: 2 bekliyor · 1 kabul · 0 ret · 0 süresi doldu");

        // The second dealer declines, in English.
        var (second, secondErrors) = await chromium.NewPageAsync();
        await second.GotoAsync(LinkInSms().Match((await SmsAndCodesAsync(sponsorId, row: 3)).Text).Value);
        await second.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await Assertions.Expect(second.Locator("#declined-title")).ToHaveTextAsync("Invitation declined");
        await Assertions.Expect(sponsor.Locator("#invitation-counts"))
            .ToHaveTextAsync("Davetler: 1 bekliyor · 1 kabul · 1 ret · 0 süresi doldu");
        await Chromium.ScreenshotAsync(sponsor, "invitation-dashboard-counts");

        // The declined link again: its own page, with a 409 status line.
        var again = await second.GotoAsync(second.Url);
        await Assertions.Expect(second.Locator("#problem-title")).ToHaveTextAsync("The invitation was declined");

        Assert.That(opened?.Status, Is.EqualTo(200));
        Assert.That(again?.Status, Is.EqualTo(409));
        Assert.That(sponsorErrors.Concat(dealerErrors).Concat(secondErrors), Is.Empty);
    }

    /// <summary>The SMS the Log provider stored for the sponsor's row, and the codes handed over to that invitation.</summary>
    private static async Task<(string Text, List<string> Codes)> SmsAndCodesAsync(long sponsorId, int row)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var job = await db.BulkInvitationJobs.Where(j => j.SponsorId == sponsorId).Select(j => j.Id).SingleAsync();
        var sms = await db.SmsMessages.SingleAsync(m => m.BulkJobId == job && m.RowNumber == row);
        var codes = await db.SponsorshipCodes.Where(c => c.InvitationId == sms.InvitationId).OrderBy(c => c.Id).Select(c => c.Code).ToListAsync();
        return (sms.Body, codes);
    }

    private static string WriteDealers(long sponsorId)
    {
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "files");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"davet-{sponsorId}.xlsx");
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Bayiler");
        sheet.Cell(1, 1).Value = "Email";
        sheet.Cell(1, 2).Value = "Phone";
        sheet.Cell(1, 3).Value = "DealerName";
        for (var i = 1; i <= Rows; i++)
        {
            sheet.Cell(i + 1, 1).Value = $"davet{i}.{sponsorId}@example.com";
            sheet.Cell(i + 1, 2).Value = string.Create(CultureInfo.InvariantCulture, $"0533 {(sponsorId % 1000 * 10_000) + i:D7}");
            sheet.Cell(i + 1, 3).Value = $"Bayi {i}";
        }

        workbook.SaveAs(path);
        return path;
    }

    [GeneratedRegex(@"https?://\S+/invitations/[A-Za-z0-9_-]+")]
    private static partial Regex LinkInSms();
}
