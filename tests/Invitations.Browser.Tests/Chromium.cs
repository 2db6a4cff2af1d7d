using Microsoft.Playwright;

namespace Invitations.Browser.Tests;

/// <summary>Debian's Chromium driven by Playwright: no browser is downloaded (Playwright's download does not work on these machines).</summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string DefaultPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        var path = Environment.GetEnvironmentVariable("INVITATIONS_CHROMIUM") is { Length: > 0 } configured ? configured : DefaultPath;
        Assume.That(File.Exists(path), $"Chromium not found at {path} (deploy/local/browser.sh installs it).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>A page on the test's Api that remembers every uncaught script error, for the test to check at the end.</summary>
    public async Task<(IPage Page, List<string> ScriptErrors)> NewPageAsync()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = TestRun.Api.Address.ToString(), AcceptDownloads = true });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        return (page, errors);
    }

    /// <summary>Saves a full-page screenshot under the test output (screenshots/) and attaches it to the result.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
