using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;
using Microsoft.Playwright;

namespace Buddy.Tests.Browser;

/// <summary>
/// What a phone shows, in Chromium at 390 pixels (an iPhone 12-15) and the 320 of WCAG's reflow rule: the cycle page's
/// session actions on screen, the chart's labels readable, the simulator within the window with buttons a finger can hit.
/// </summary>
public sealed class LayoutTests
{
    private const int Phone = 390;

    [ChromiumFact]
    public async Task CyclePage_OnAPhone_FitsTheWindow_WithEverySessionsActionsOnScreen_AndNoFlexTableCells()
    {
        await using var world = await DashboardWorld.CreateAsync(kestrel: true);
        var baseAddress = world.Factory.StartKestrel();
        await using var session = await BrowserSession.OpenAsync(baseAddress);
        var page = await session.NewPageAsync();
        await AccessibilityTests.SignInAsync(page, world.TherapistA1.Email);
        await page.GotoAsync($"/Dashboard/Cycle/{world.Jo.Id}");
        Assert.Equal(0, await FlexTableCellsAsync(page));

        foreach (var width in new[] { Phone, Accessibility.NarrowestPhone })
        {
            await page.SetViewportSizeAsync(width, 844);
            Assert.True(await OverflowAsync(page) == 0, $"At {width}px: {await Accessibility.WidestAsync(page)}");
            Assert.Equal(0, await FlexTableCellsAsync(page));
            var upcoming = page.Locator("#session-list tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Change" }) });
            foreach (var action in new[] { upcoming.GetByRole(AriaRole.Link, new() { Name = "Change" }), upcoming.GetByRole(AriaRole.Button, new() { Name = "Cancel session" }) })
            {
                await action.ScrollIntoViewIfNeededAsync();
                var box = (await action.BoundingBoxAsync())!;
                Assert.True(box.X >= 0 && box.X + box.Width <= width, $"An action sits at {box.X}-{box.X + box.Width} in a {width}px window");
            }
        }

        session.AssertNoProblems();
    }

    [ChromiumFact]
    public async Task MoodChart_OnAPhone_HasLabelsAtLeastElevenPixelsTall_AndTheWideDrawingOnADesktop()
    {
        await using var world = await DashboardWorld.CreateAsync(kestrel: true);
        var baseAddress = world.Factory.StartKestrel();
        await using var session = await BrowserSession.OpenAsync(baseAddress);
        var page = await session.NewPageAsync();
        await AccessibilityTests.SignInAsync(page, world.TherapistA1.Email);
        await page.GotoAsync($"/Dashboard/Summary/{world.Jo.Id}");

        await Assertions.Expect(page.Locator("svg.buddy-chart--wide")).ToBeVisibleAsync();
        Assert.True(await LabelPixelsAsync(page, "svg.buddy-chart--wide") >= 12, "desktop labels");
        foreach (var width in new[] { Phone, Accessibility.NarrowestPhone })
        {
            await page.SetViewportSizeAsync(width, 844);
            await Assertions.Expect(page.Locator("svg.buddy-chart--wide")).ToBeHiddenAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Daily mood, 0 to 10" })).ToBeVisibleAsync();
            var pixels = await LabelPixelsAsync(page, "svg.buddy-chart--narrow");
            Assert.True(pixels >= 11, $"At {width}px the chart's labels are {pixels:0.#}px");
        }

        // On paper the wide drawing is used, whatever the window.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("svg.buddy-chart--wide")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg.buddy-chart--narrow")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#print-header")).ToBeVisibleAsync();
        session.AssertNoProblems();
    }

    [ChromiumFact]
    public async Task Simulator_OnAPhone_FitsTheWindow_AndEveryButtonIsAtLeast44PixelsSquare()
    {
        await using var world = await DashboardWorld.CreateAsync(kestrel: true);
        var baseAddress = world.Factory.StartKestrel();
        await using var session = await BrowserSession.OpenAsync(baseAddress);
        var page = await session.NewPageAsync();
        await AccessibilityTests.SignInAsync(page, world.ManagerA.Email);
        await page.GotoAsync($"/simulator?serviceUserId={world.Jo.Id}");

        foreach (var width in new[] { 1280, Phone, Accessibility.NarrowestPhone })
        {
            await page.SetViewportSizeAsync(width, 844);
            Assert.True(await OverflowAsync(page) == 0, $"At {width}px: {await Accessibility.WidestAsync(page)}");
            foreach (var button in await page.Locator("main button").AllAsync())
            {
                var box = (await button.BoundingBoxAsync())!;
                Assert.True(box.Width >= 44 && box.Height >= 44, $"'{await button.TextContentAsync()}' is {box.Width}x{box.Height} at {width}px");
            }
        }

        session.AssertNoProblems();
    }

    private static Task<int> OverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    /// <summary>
    /// Cells that are flex boxes inside a table row: such a cell stops being a cell, and its column slips out of line.
    /// (On a phone the NHS.UK responsive table stacks rows as blocks, and its cells may then be flex boxes: no row there.)
    /// </summary>
    private static Task<int> FlexTableCellsAsync(IPage page) =>
        page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('td, th')].filter(c => getComputedStyle(c).display.includes('flex') && getComputedStyle(c.parentElement).display === 'table-row').length");

    /// <summary>How tall a chart label is on screen: its font size times how much the drawing is scaled.</summary>
    private static Task<double> LabelPixelsAsync(IPage page, string chart) =>
        page.EvaluateAsync<double>(
            """
            (selector) => {
              const svg = document.querySelector(selector);
              const label = svg.querySelector('.buddy-chart__label');
              return parseFloat(getComputedStyle(label).fontSize) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            }
            """, chart);
}
