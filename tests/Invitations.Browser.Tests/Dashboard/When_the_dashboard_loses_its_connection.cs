using System.Globalization;
using System.Text.RegularExpressions;
using Invitations.Contracts.BulkInvitations;
using Invitations.Testing;
using MassTransit;
using Microsoft.Playwright;

namespace Invitations.Browser.Tests.Dashboard;

/// <summary>
/// The live connection drops while the job finishes, so the page misses the completion: once it is back,
/// it must re-read the job's status by itself.
/// </summary>
public sealed partial class When_the_dashboard_loses_its_connection
{
    private const int Rows = 20;

    [Test]
    public async Task Should_reconnect_by_itself_and_show_the_outcome_it_missed()
    {
        var sponsorId = TestIds.NewSponsorId();
        var job = await Seed.JobAsync(sponsorId, Rows, BulkJobStatus.Processing);
        await using var chromium = await Chromium.LaunchAsync();
        var (page, scriptErrors) = await chromium.NewPageAsync();
        var blocked = false;
        IWebSocketRoute? live = null;
        await page.RouteAsync(Negotiate(), route => blocked ? route.AbortAsync() : route.ContinueAsync());
        await page.RouteWebSocketAsync(HubSocket(), async socket =>
        {
            if (blocked)
            {
                await socket.CloseAsync();
                return;
            }

            socket.ConnectToServer();
            live = socket;
        });

        await page.GotoAsync($"/#job={job.Id}");
        await page.GetByLabel("Sponsor numarası").FillAsync(sponsorId.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Giriş yap" }).ClickAsync();
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Canlı bağlantı açık");
        await Assertions.Expect(page.Locator("#progress-text")).ToHaveTextAsync($"0 / {Rows} işlendi · 0 başarılı · 0 başarısız");

        blocked = true;
        await live!.CloseAsync();
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Yeniden bağlanıyor…");
        await Seed.FinishAsync(job.Id, sponsorId, BulkJobStatus.Completed, Rows, 0);
        await TestRun.Api.Bus.Publish(new BulkInvitationCompleted
        {
            BulkJobId = job.Id,
            SponsorId = sponsorId,
            Status = BulkJobStatus.Completed,
            TotalDealers = Rows,
            SucceededDealers = Rows,
            FailedDealers = 0,
            SkippedDealers = 0,
            Sequence = Rows + 1,
            CompletedAt = DateTimeOffset.UtcNow,
        });
        await Chromium.ScreenshotAsync(page, "dashboard-reconnecting");
        blocked = false;

        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Canlı bağlantı açık", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#progress-percent")).ToHaveTextAsync("100 %");
        await Assertions.Expect(page.Locator("#outcome-text")).ToContainTextAsync("Tamamlandı");
        await Chromium.ScreenshotAsync(page, "dashboard-reconnected");
        Assert.That(scriptErrors, Is.Empty);
    }

    [GeneratedRegex("/hubs/bulk-invitations/negotiate")]
    private static partial Regex Negotiate();

    [GeneratedRegex(@"/hubs/bulk-invitations\?")]
    private static partial Regex HubSocket();
}
