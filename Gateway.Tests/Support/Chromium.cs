using Microsoft.Playwright;

namespace Buddy.Tests.Support;

/// <summary>
/// Debian's own Chromium (apt-get install chromium) driven by Playwright. Never a downloaded browser: the
/// executable path is fixed, and a machine without it skips the browser tests with this reason, unless
/// BUDDY_REQUIRE_ALL=1 (CI), where a missing browser is a failure.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Why the browser tests cannot run here (no Chromium, or no axe-core to check the pages with); null when they can.</summary>
    public static string? SkipReason =>
        Environment.GetEnvironmentVariable("BUDDY_REQUIRE_ALL") == "1" ? null
        : !File.Exists(ExecutablePath) ? $"Browser tests need Debian's Chromium at {ExecutablePath} (apt-get install -y chromium); set BUDDY_REQUIRE_ALL=1 to fail instead of skipping."
        : Accessibility.SkipReason is { } axe ? $"Browser tests check every page with axe-core: {axe} Set BUDDY_REQUIRE_ALL=1 to fail instead of skipping."
        : null;

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Chromium is required (BUDDY_REQUIRE_ALL=1) but {ExecutablePath} does not exist: apt-get install -y chromium");
        }

        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var args = new List<string> { "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run" };
        if (Environment.UserName == "root")
        {
            args.Add("--no-sandbox"); // Chromium refuses to run its sandbox as root (CI containers)
        }

        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = args,
        });
        return (playwright, browser);
    }
}

/// <summary>A fact that needs Chromium: skipped with a printed reason when it is absent (never in CI).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute() => Skip = Chromium.SkipReason;
}
