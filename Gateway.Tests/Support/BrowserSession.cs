using Microsoft.Playwright;

namespace Buddy.Tests.Support;

/// <summary>
/// Debian's Chromium pointed at a Kestrel gateway. Every page it opens records script errors, console errors and
/// any request to another origin (the pages must work offline, under the content security policy), and
/// <see cref="CheckAsync"/> adds every accessibility violation axe-core finds, so a browser test ends with
/// <c>Assert.Empty(session.Problems)</c>.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly Uri _baseAddress;

    private BrowserSession(IPlaywright playwright, IBrowser browser, Uri baseAddress)
    {
        _playwright = playwright;
        _browser = browser;
        _baseAddress = baseAddress;
    }

    public List<string> Problems { get; } = [];

    public static async Task<BrowserSession> OpenAsync(Uri baseAddress)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        return new BrowserSession(playwright, browser, baseAddress);
    }

    /// <summary>A page in a fresh browser context: its own cookies, so a second person can sign in beside the first.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _baseAddress.ToString(), Locale = "en-GB" });
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => Problems.Add($"script: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Problems.Add($"console: {message.Text}");
            }
        };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(_baseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                Problems.Add($"external request: {request.Url}");
            }
        };
        return page;
    }

    /// <summary>Runs axe-core on the page's current state at 1280 and 320 pixels wide (see <see cref="Accessibility"/>).</summary>
    public async Task CheckAsync(IPage page, string state) => Problems.AddRange(await Accessibility.CheckAsync(page, state));

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
