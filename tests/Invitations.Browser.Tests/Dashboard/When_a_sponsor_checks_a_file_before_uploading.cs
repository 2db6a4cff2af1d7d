using System.Globalization;
using ClosedXML.Excel;
using Invitations.Testing;
using Microsoft.Playwright;

namespace Invitations.Browser.Tests.Dashboard;

/// <summary>A sponsor downloads the template and sees every row error of a dry run before anything is stored.</summary>
public sealed class When_a_sponsor_checks_a_file_before_uploading
{
    [Test]
    public async Task Should_download_the_template_and_list_every_row_error_of_a_dry_run()
    {
        var sponsorId = TestIds.NewSponsorId();
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "files");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"hatali-{sponsorId}.xlsx");
        WriteDealers(file, sponsorId);
        await using var chromium = await Chromium.LaunchAsync();
        var (page, scriptErrors) = await chromium.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByLabel("Sponsor numarası").FillAsync(sponsorId.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Giriş yap" }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Şablonu indir" }).ClickAsync());
        var template = Path.Combine(directory, download.SuggestedFilename);
        await download.SaveAsAsync(template);

        await page.GetByLabel("Bayi dosyası (.xlsx veya .csv)").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontrol et (deneme)" }).ClickAsync();

        var errorRows = page.Locator("#upload-errors table").First.Locator("tbody tr");
        await Assertions.Expect(page.Locator("#upload-message")).ToHaveTextAsync("Dosyada 2 hata var.");
        await Assertions.Expect(errorRows).ToHaveCountAsync(2);
        await Assertions.Expect(errorRows.Nth(0)).ToContainTextAsync("3");
        await Assertions.Expect(errorRows.Nth(1)).ToContainTextAsync("4");
        await Chromium.ScreenshotAsync(page, "dashboard-dry-run-errors");

        using var workbook = new XLWorkbook(template);
        Assert.That(download.SuggestedFilename, Does.EndWith(".xlsx"));
        Assert.That(workbook.Worksheets.First().Row(1).CellsUsed().Count(), Is.GreaterThanOrEqualTo(3));
        Assert.That(scriptErrors, Is.Empty);
    }

    private static void WriteDealers(string path, long sponsorId)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Bayiler");
        string[][] rows =
        [
            ["E-posta", "Telefon", "Bayi Adı", "Kod Adedi", "Paket"],
            [$"iyi.{sponsorId}@example.com", "0532 111 22 33", "İyi Bayi", "1", "M"],
            ["e-posta-değil", "0532 111 22 34", "Kötü E-posta", "1", "M"],
            [$"kotu.telefon.{sponsorId}@example.com", "123", "Kötü Telefon", "1", "M"],
        ];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                sheet.Cell(r + 1, c + 1).Value = rows[r][c];
            }
        }

        workbook.SaveAs(path);
    }
}
