using System.Text.RegularExpressions;
using Invitations.Contracts.BulkInvitations;
using Invitations.Testing;
using Microsoft.Playwright;

namespace Invitations.Browser.Tests.Support;

public sealed partial class When_support_looks_up_a_job_in_the_console
{
    [Test]
    public async Task Should_find_it_by_a_dealers_email_and_show_its_timeline_and_failed_rows_first()
    {
        var sponsorId = TestIds.NewSponsorId();
        var job = await Seed.JobAsync(sponsorId, rows: 5, BulkJobStatus.PartialSuccess, failedRows: 1, withSaga: true);
        await using var chromium = await Chromium.LaunchAsync();
        var (page, scriptErrors) = await chromium.NewPageAsync();

        await page.GotoAsync("/support");
        await page.GetByLabel("Operatör adı").FillAsync("ayse.destek");
        await page.GetByRole(AriaRole.Button, new() { Name = "Giriş yap" }).ClickAsync();
        await page.GetByLabel("İş no, bayi e-postası veya telefonu").FillAsync(Seed.Email(sponsorId, 3).ToUpperInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Ara" }).ClickAsync();
        await Assertions.Expect(page.Locator("#search-message")).ToHaveTextAsync("1 iş bulundu.");
        await page.GetByRole(AriaRole.Button, new() { Name = job.Id.ToString() }).ClickAsync();

        var timeline = page.Locator("#job-timeline tbody tr");
        await Assertions.Expect(timeline).ToHaveCountAsync(3);
        await Assertions.Expect(timeline.Nth(0)).ToContainTextAsync("BulkInvitationSubmitted");
        await Assertions.Expect(timeline.Nth(0)).ToContainTextAsync("Initial → Processing");
        await Assertions.Expect(timeline.Nth(2)).ToContainTextAsync("Processing → PartialSuccess");
        await Assertions.Expect(page.Locator("#job-rows tbody tr").First).ToContainTextAsync("Başarısız");
        await Assertions.Expect(page.Locator("#job-rows tbody tr").First).ToContainTextAsync("sms_rejected");
        await Assertions.Expect(page.Locator("#job-summary")).ToContainTextAsync("PartialSuccess");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "İptal et" })).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Başarısızları yeniden dene" })).ToBeEnabledAsync();
        await Chromium.ScreenshotAsync(page, "support-job-tr");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Timeline" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#job-rows tbody tr").First).ToContainTextAsync(FailedInEnglish());
        await Chromium.ScreenshotAsync(page, "support-job-en");
        Assert.That(scriptErrors, Is.Empty);
    }

    [GeneratedRegex("Failed")]
    private static partial Regex FailedInEnglish();
}
