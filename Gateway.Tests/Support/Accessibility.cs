using System.Text.Json;
using Microsoft.Playwright;

namespace Buddy.Tests.Support;

/// <summary>
/// axe-core (npm, pinned in tools/package.json) run in the page as it is, at 1280 and at 320 CSS pixels wide, for
/// every WCAG 2.0, 2.1 and 2.2 A/AA rule and axe's best practices. At 320 the page must also reflow: nothing wider
/// than the window (WCAG 1.4.10). Every violation is a problem for <see cref="BrowserSession.Problems"/>, so a browser
/// test that ends with <c>session.AssertNoProblems()</c> fails on any of them.
/// </summary>
public static class Accessibility
{
    public const int Desktop = 1280;
    public const int NarrowestPhone = 320;

    private static readonly string[] s_tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    public static string ScriptPath => Path.Combine(SharedFiles.RepositoryRoot, "tools", "node_modules", "axe-core", "axe.min.js");

    private static readonly Lazy<string> s_script = new(() => File.Exists(ScriptPath)
        ? File.ReadAllText(ScriptPath)
        : throw new InvalidOperationException($"axe-core is not installed ({ScriptPath} is missing): run `npm ci --prefix tools`."));

    /// <summary>Null when axe-core is there; otherwise why the browser tests cannot run (they fail instead under BUDDY_REQUIRE_ALL=1).</summary>
    public static string? SkipReason => File.Exists(ScriptPath) ? null : $"axe-core is not installed ({ScriptPath} is missing): run `npm ci --prefix tools`.";

    /// <summary>
    /// Checks the page's current state at both widths and leaves it at desktop width. <paramref name="state"/> names
    /// it in the problems ("caseload", "summary with an open alert").
    /// </summary>
    public static async Task<List<string>> CheckAsync(IPage page, string state)
    {
        var problems = new List<string>();
        foreach (var width in new[] { Desktop, NarrowestPhone })
        {
            await page.SetViewportSizeAsync(width, 900);
            if (width == NarrowestPhone)
            {
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (overflow > 0)
                {
                    var widest = await WidestAsync(page);
                    problems.Add($"{state} at {width}px: {overflow}px wider than the window (reflow), widest: {widest}");
                }
            }

            if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            {
                // Evaluated through the DevTools protocol, so the page's content security policy (no inline script) still
                // holds for everything the page itself does.
                await page.EvaluateAsync(s_script.Value);
            }

            var violations = await page.EvaluateAsync<JsonElement>(
                """
                async (tags) => {
                  const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
                  return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | ')}`);
                }
                """, s_tags);
            problems.AddRange(violations.EnumerateArray().Select(v => $"{state} at {width}px: {v.GetString()}"));
        }

        await page.SetViewportSizeAsync(Desktop, 900);
        return problems;
    }

    /// <summary>The innermost elements that stick out past the window's right edge, for a message.</summary>
    public static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>(WidestElement);

    private const string WidestElement =
        """
        () => {
          const limit = document.documentElement.clientWidth;
          const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > limit + 1);
          const deepest = wide.filter(e => !wide.some(other => other !== e && e.contains(other)));
          return deepest.slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '')).join(', ');
        }
        """;
}
