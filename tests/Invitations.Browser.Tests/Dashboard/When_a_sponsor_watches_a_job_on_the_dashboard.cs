using Invitations.Contracts.BulkInvitations;
using Invitations.Testing;
using MassTransit;
using Microsoft.Playwright;

namespace Invitations.Browser.Tests.Dashboard;

/// <summary>
/// The job's saga events are published on the real broker as the Worker would; the page hears them through
/// the Api's temporary queue and SignalR over WebSockets with the token in the query.
/// </summary>
public sealed class When_a_sponsor_watches_a_job_on_the_dashboard
{
    private const int Rows = 200;

    [Test]
    public async Task Should_show_the_progress_bar_reach_100_percent_and_the_outcome()
    {
        var sponsorId = TestIds.NewSponsorId();
        var job = await Seed.JobAsync(sponsorId, Rows, BulkJobStatus.Processing);
        await using var chromium = await Chromium.LaunchAsync();
        var (page, scriptErrors) = await chromium.NewPageAsync();

        await page.GotoAsync($"/#job={job.Id}");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "tr");
        await page.GetByLabel("Sponsor numarası").FillAsync(sponsorId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Giriş yap" }).ClickAsync();
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Canlı bağlantı açık");
        await Assertions.Expect(page.Locator("#progress-text")).ToHaveTextAsync($"0 / {Rows} işlendi · 0 başarılı · 0 başarısız");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Şablonu indir" })).ToBeVisibleAsync();

        for (var i = 1; i <= Rows; i++)
        {
            await TestRun.Api.Bus.Publish(new BulkInvitationProgressed
            {
                BulkJobId = job.Id,
                SponsorId = sponsorId,
                Status = BulkJobStatus.Processing,
                TotalDealers = Rows,
                SucceededDealers = i - (i / 20),
                FailedDealers = i / 20,
                SkippedDealers = 0,
                LatestDealerEmailMasked = "b***0@e***.com",
                LatestDealerSuccess = i % 20 != 0,
                Sequence = i,
                At = DateTimeOffset.UtcNow,
            });
            if (i == Rows / 2)
            {
                await Assertions.Expect(page.Locator("#progress-latest")).ToContainTextAsync("b***0@e***.com");
                await Chromium.ScreenshotAsync(page, "dashboard-progress");
            }
        }

        await Seed.FinishAsync(job.Id, sponsorId, BulkJobStatus.PartialSuccess, Rows - 10, 10);
        await TestRun.Api.Bus.Publish(new BulkInvitationCompleted
        {
            BulkJobId = job.Id,
            SponsorId = sponsorId,
            Status = BulkJobStatus.PartialSuccess,
            TotalDealers = Rows,
            SucceededDealers = Rows - 10,
            FailedDealers = 10,
            SkippedDealers = 0,
            Sequence = Rows + 1,
            CompletedAt = DateTimeOffset.UtcNow,
        });

        await Assertions.Expect(page.Locator("#progress-percent")).ToHaveTextAsync("100 %");
        await Assertions.Expect(page.Locator("#progress-bar")).ToHaveJSPropertyAsync("value", 100);
        await Assertions.Expect(page.Locator("#outcome")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#outcome-text")).ToContainTextAsync("Kısmen başarılı");
        await Assertions.Expect(page.Locator("#progress-text")).ToHaveTextAsync($"{Rows} / {Rows} işlendi · {Rows - 10} başarılı · 10 başarısız");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sonuç dosyasını indir" })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "dashboard-completed");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("#outcome-text")).ToContainTextAsync("Partly succeeded");
        Assert.That(scriptErrors, Is.Empty);
    }
}
