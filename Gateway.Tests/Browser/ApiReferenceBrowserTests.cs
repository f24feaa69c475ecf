using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;
using Microsoft.Playwright;

namespace Buddy.Tests.Browser;

/// <summary>The API reference in a real browser: it renders the v1 routes under its own policy and asks no other origin for anything.</summary>
public sealed class ApiReferenceBrowserTests
{
    [ChromiumFact]
    public async Task Developer_OpensTheApiReference_AndItRendersWithoutOtherOriginsOrPolicyErrors()
    {
        await using var world = await DashboardWorld.CreateAsync(kestrel: true, environment: "Development");
        var baseAddress = world.Factory.StartKestrel();
        await using var session = await BrowserSession.OpenAsync(baseAddress);
        var page = await session.NewPageAsync();

        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email address").FillAsync(world.TherapistA1.Email);
        await page.GetByLabel("Password").FillAsync(DashboardWorld.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync("/api-reference/");

        await Assertions.Expect(page.GetByText("/api/v1/service-users").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(session.Problems);
    }
}
