using System.Globalization;
using ClosedXML.Excel;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Codes;
using Invitations.Testing;
using Microsoft.Playwright;

namespace Invitations.Browser.Tests.EndToEnd;

/// <summary>
/// The whole flow in Chromium: upload → Api → RabbitMQ → saga and dealer consumer in the Worker → progress over
/// SignalR → results file; then the support console finds the job by a dealer's email.
/// </summary>
public sealed class When_a_sponsor_uploads_dealers_and_support_inspects_the_job
{
    private const int Rows = 200;

    [Test]
    public async Task Should_show_progress_to_100_percent_the_results_and_the_timeline()
    {
        var sponsorId = TestIds.NewSponsorId();
        await using (var db = TestRun.Infrastructure.CreateDbContext())
        {
            await new CodeIssuer(db, TimeProvider.System).IssueAsync(sponsorId, PackageTier.M, Rows + 50, null, CancellationToken.None);
        }

        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "files");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"bayiler-{sponsorId}.xlsx");
        WriteDealers(file, sponsorId);
        await using var worker = await InProcessWorker.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var (page, scriptErrors) = await chromium.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByLabel("Sponsor numarası").FillAsync(sponsorId.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Giriş yap" }).ClickAsync();
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Canlı bağlantı açık");
        await page.EvaluateAsync("""
            () => {
              window.__percents = [];
              const node = document.getElementById('progress-percent');
              new MutationObserver(() => window.__percents.push(parseInt(node.textContent, 10))).observe(node, { childList: true, characterData: true, subtree: true });
            }
            """);
        await page.GetByLabel("Bayi dosyası (.xlsx veya .csv)").SetInputFilesAsync(file);
        await page.GetByLabel("Varsayılan paket").SelectOptionAsync("M");
        await page.GetByLabel("SMS gönder").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yükle ve başlat" }).ClickAsync();

        await Assertions.Expect(page.Locator("#outcome")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#progress-percent")).ToHaveTextAsync("100 %");
        await Assertions.Expect(page.Locator("#job-status")).ToHaveTextAsync("Tamamlandı");
        await Assertions.Expect(page.Locator("#progress-text")).ToHaveTextAsync($"{Rows} / {Rows} işlendi · {Rows} başarılı · 0 başarısız");
        var percents = await page.EvaluateAsync<int[]>("() => window.__percents");
        await Chromium.ScreenshotAsync(page, "e2e-dashboard-completed");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Sonuç dosyasını indir" }).ClickAsync());
        var results = Path.Combine(directory, $"sonuclar-{sponsorId}.xlsx");
        await download.SaveAsAsync(results);

        var (support, supportErrors) = await chromium.NewPageAsync();
        await support.GotoAsync("/support");
        await support.GetByLabel("Operatör adı").FillAsync("ayse.destek");
        await support.GetByRole(AriaRole.Button, new() { Name = "Giriş yap" }).ClickAsync();
        await support.GetByLabel("İş no, bayi e-postası veya telefonu").FillAsync(Email(sponsorId, 7));
        await support.GetByRole(AriaRole.Button, new() { Name = "Ara" }).ClickAsync();
        await Assertions.Expect(support.Locator("#search-message")).ToHaveTextAsync("1 iş bulundu.");
        await support.Locator("#results tbody button").First.ClickAsync();
        await Assertions.Expect(support.Locator("#job-rows tbody tr")).ToHaveCountAsync(Rows);
        await Assertions.Expect(support.Locator("#job-timeline tbody tr").First).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(support, "e2e-support-job");

        using var workbook = new XLWorkbook(results);
        Assert.That(workbook.Worksheets.First().RowsUsed().Count(), Is.EqualTo(Rows + 1), "a header and one row per dealer");
        Assert.That(percents, Is.Not.Empty.And.Ordered, "the bar never goes back");
        Assert.That(await support.Locator("#job-timeline tbody tr").CountAsync(), Is.GreaterThanOrEqualTo(2));
        Assert.That(scriptErrors.Concat(supportErrors), Is.Empty);
    }

    private static string Email(long sponsorId, int row) => $"e2e{row}.{sponsorId}@example.com";

    private static void WriteDealers(string path, long sponsorId)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Bayiler");
        sheet.Cell(1, 1).Value = "Email";
        sheet.Cell(1, 2).Value = "Phone";
        sheet.Cell(1, 3).Value = "DealerName";
        for (var i = 1; i <= Rows; i++)
        {
            sheet.Cell(i + 1, 1).Value = Email(sponsorId, i);
            sheet.Cell(i + 1, 2).Value = string.Create(CultureInfo.InvariantCulture, $"0532 {(sponsorId % 1000 * 10_000) + i:D7}");
            sheet.Cell(i + 1, 3).Value = $"Bayi {i}";
        }

        workbook.SaveAs(path);
    }
}
