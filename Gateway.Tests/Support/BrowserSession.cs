using Microsoft.Playwright;

namespace Buddy.Tests.Support;

/// <summary>
/// Debian's Chromium pointed at a Kestrel gateway. Every page it opens records script errors, console errors and
/// any request to another origin (the pages must work offline, under the content security policy), and
/// <see cref="CheckAsync"/> adds every accessibility violation axe-core finds, so a browser test ends with
/// <c>session.AssertNoProblems()</c>.
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
        var errorPages = new HashSet<string>(StringComparer.Ordinal);
        page.PageError += (_, error) => Problems.Add($"script: {error}");
        page.Response += (_, response) =>
        {
            // A page that answers 400 or 404 with Buddy's own error page is a page, not a missing file.
            if (response.Request.ResourceType == "document" && response.Status >= 400)
            {
                lock (errorPages)
                {
                    errorPages.Add(response.Url);
                }
            }
        };
        page.Console += (_, message) =>
        {
            bool ErrorPage()
            {
                lock (errorPages)
                {
                    return message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal) && errorPages.Any(url => message.Location.StartsWith(url, StringComparison.Ordinal));
                }
            }

            if (message.Type == "error" && !ErrorPage())
            {
                Problems.Add($"console: {message.Text} ({message.Location})");
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

    /// <summary>Signs in through the sign-in page and waits for the caseload, where Buddy takes staff first.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Caseload" })).ToBeVisibleAsync();
    }

    /// <summary>Fails listing every problem in full (xunit's own message cuts each to a few words).</summary>
    public void AssertNoProblems() => Assert.True(Problems.Count == 0, $"{Problems.Count} problem(s):\n" + string.Join("\n", Problems));

    /// <summary>Runs axe-core on the page's current state at 1280 and 320 pixels wide (see <see cref="Accessibility"/>).</summary>
    public async Task CheckAsync(IPage page, string state) => Problems.AddRange(await Accessibility.CheckAsync(page, state));

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
