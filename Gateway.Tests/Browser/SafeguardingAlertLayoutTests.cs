using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Buddy.Tests.Browser;

/// <summary>
/// In a real browser at a phone's width and a laptop's: the summary opens with the safeguarding alert, its contact
/// caution, tier and who is at risk visible without scrolling, before the period chooser and "Mood has dropped"; the
/// header's urgent-alert indicator is visible too.
/// </summary>
public sealed class SafeguardingAlertLayoutTests(ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task Summary_TheSafeguardingAlertIsFirstAndAboveTheFold_At390And1280Pixels()
    {
        await using var world = await DashboardWorld.CreateAsync(kestrel: true);
        await world.JoinRepliesToJosAlertAsync();
        var baseAddress = world.Factory.StartKestrel();
        await using var session = await BrowserSession.OpenAsync(baseAddress);

        foreach (var (width, height) in new[] { (390, 844), (1280, 720) })
        {
            var page = await session.NewPageAsync();
            await page.SetViewportSizeAsync(width, height);
            await page.GotoAsync("/Account/SignIn");
            await page.GetByLabel("Email address").FillAsync(world.TherapistA1.Email);
            await page.GetByLabel("Password").FillAsync(DashboardWorld.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Caseload" })).ToBeVisibleAsync();

            await page.GotoAsync($"/Dashboard/Summary/{world.Jo.Id}");

            var alert = page.Locator($"#alert-{world.JoAlert.Id}");
            var caution = alert.Locator(".buddy-caution");
            var tier = alert.Locator(".buddy-alert__tier");
            var subject = alert.Locator(".buddy-alert__subject");
            await Assertions.Expect(caution).ToHaveTextAsync("Contact caution: Someone else may read their phone. Read this before you call or text them.");
            await Assertions.Expect(tier).ToHaveTextAsync("Urgent");
            foreach (var (name, part) in new[] { ("caution", caution), ("tier", tier), ("who is at risk", subject) })
            {
                var box = (await part.BoundingBoxAsync())!;
                output.WriteLine($"{width}x{height}: {name} at y={box.Y:0}..{box.Y + box.Height:0}, x={box.X:0}..{box.X + box.Width:0}");
                Assert.True(box.Y >= 0 && box.Y + box.Height <= height, $"At {width}px the alert's {name} ends at {box.Y + box.Height:0}px, below the fold at {height}px");
                Assert.True(box.X >= 0 && box.X + box.Width <= width, $"At {width}px the alert's {name} runs off the side");
            }

            // First on the page: above the period chooser, the agenda and the "Mood has dropped" callout.
            var alertTop = (await alert.BoundingBoxAsync())!.Y;
            foreach (var later in new[] { "#period", "#next-session", "form.buddy-period", "#deterioration" })
            {
                Assert.True((await page.Locator(later).BoundingBoxAsync())!.Y > alertTop, $"At {width}px {later} is above the safeguarding alert");
            }

            var urgent = page.Locator("header #urgent-alerts a");
            await Assertions.Expect(urgent).ToBeVisibleAsync();
            await Assertions.Expect(urgent).ToContainTextAsync("1 urgent alert");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"At {width}px the summary scrolls sideways");
            if (Environment.GetEnvironmentVariable("BUDDY_SCREENSHOTS") is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"summary-safeguarding-{width}.png") });
            }
        }

        Assert.Empty(session.Problems);
    }
}
