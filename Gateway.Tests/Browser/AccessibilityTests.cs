using System.Text.RegularExpressions;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;
using Microsoft.Playwright;

namespace Buddy.Tests.Browser;

/// <summary>
/// axe-core on every page state staff meet (sign-in, caseload, summary, alerts, cycle, every Manage page, the error
/// pages, the reset-password page), each at 1280 and 320 pixels wide, in Chromium under the real content security
/// policy: any WCAG 2.2 A/AA or best-practice violation, or a page wider than a 320-pixel window, fails the test.
/// The simulator's states are checked in <see cref="ReadmeDemoTests"/>, where the README opens it.
/// </summary>
public sealed partial class AccessibilityTests
{
    [ChromiumFact]
    public async Task TherapistPagesAndErrorPages_HaveNoViolations_AtDesktopAndPhoneWidth()
    {
        await using var world = await DashboardWorld.CreateAsync(kestrel: true);
        var baseAddress = world.Factory.StartKestrel();
        await using var session = await BrowserSession.OpenAsync(baseAddress);
        var page = await session.NewPageAsync();

        await page.GotoAsync("/Account/SignIn");
        await session.CheckAsync(page, "sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();
        await session.CheckAsync(page, "sign-in with an error");

        await SignInAsync(page, world.TherapistA1.Email);
        await session.CheckAsync(page, "caseload");
        await page.GotoAsync($"/Dashboard/Summary/{world.Jo.Id}");
        await page.GetByText("Show the mood scores as a table").ClickAsync();
        await session.CheckAsync(page, "summary with an open alert and the mood table");
        await page.GotoAsync($"/Dashboard/Summary/{world.Jo.Id}?FromDate.Day=1&FromDate.Month=11&FromDate.Year=2026&ToDate.Day=31&ToDate.Month=11&ToDate.Year=2026");
        await session.CheckAsync(page, "summary with a period that is not a date");
        await page.GotoAsync("/Dashboard/Alerts");
        await session.CheckAsync(page, "alerts");
        await page.GotoAsync($"/Dashboard/Cycle/{world.Jo.Id}");
        await session.CheckAsync(page, "cycle");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record session" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();
        await session.CheckAsync(page, "cycle with errors");
        await page.GotoAsync($"/Dashboard/Summary/{world.Bo.Id}");
        await session.CheckAsync(page, "not found: another organisation's service user");

        // A form whose token is someone else's: sign in as the manager in another tab, then post from the first.
        await page.GotoAsync($"/Dashboard/Cycle/{world.Jo.Id}");
        var tab = await page.Context.NewPageAsync();
        await SignInAsync(tab, world.ManagerA.Email);
        await page.Locator("#Goal_Text").FillAsync("walk the dog");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add goal" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This form could not be sent" })).ToBeVisibleAsync();
        await session.CheckAsync(page, "form refused: its token is another sign-in's");
        await page.Locator("#back-to-page").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(CycleUrl());

        session.AssertNoProblems();
    }

    [ChromiumFact]
    public async Task EveryManagePage_HasNoViolations_AtDesktopAndPhoneWidth()
    {
        await using var world = await DashboardWorld.CreateAsync(kestrel: true);
        var baseAddress = world.Factory.StartKestrel();
        await using var session = await BrowserSession.OpenAsync(baseAddress);
        var page = await session.NewPageAsync();
        await SignInAsync(page, world.ManagerA.Email);

        foreach (var (url, state) in new[]
        {
            ("/Manage", "manage"), ("/Manage/ServiceUsers", "service users"), ("/Manage/ServiceUsers/Create", "add a service user"),
            ($"/Manage/ServiceUsers/Edit/{world.Jo.Id}", "a service user"), ($"/Manage/ServiceUsers/Schedule/{world.Jo.Id}", "check-in schedule"),
            ("/Manage/Templates", "templates"), ("/Manage/Templates/Edit", "add a template"), ("/Manage/Templates/Edit?kind=AppointmentReminder", "write your own appointment reminder"),
            ("/Manage/Staff", "staff"), ("/Manage/Staff/Create", "add a staff member"), ($"/Manage/Staff/Edit/{world.TherapistA2.Id}", "a staff account"),
            ($"/Manage/Staff/Edit/{world.ManagerA.Id}", "your own staff account"), ($"/Manage/Staff/Deactivate/{world.TherapistA2.Id}", "deactivate: are you sure?"),
            ("/Manage/Organisation", "organisation settings"), ("/Manage/Overview", "service overview"), ("/Manage/Audit", "audit log"),
            ($"/simulator?serviceUserId={world.Jo.Id}", "simulator (a manager)"),
        })
        {
            await page.GotoAsync(url);
            await session.CheckAsync(page, state);
        }

        // Forms with their errors showing: the date boxes, a time, the error summary.
        await page.GotoAsync("/Manage/ServiceUsers/Create");
        await page.Locator("#Schedule_LocalTime").FillAsync("");
        await page.Locator("#Schedule_StartDate").FillAsync("31");
        await page.Locator("#Schedule_StartDate_Month").FillAsync("2");
        await page.Locator("#Schedule_StartDate_Year").FillAsync("2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add service user" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToBeFocusedAsync();
        await session.CheckAsync(page, "add a service user, with errors");
        await page.Locator(".nhsuk-error-summary a[href='#Schedule_StartDate']").ClickAsync();
        await Assertions.Expect(page.Locator("#Schedule_StartDate")).ToBeFocusedAsync();

        await page.GotoAsync($"/Manage/ServiceUsers/Edit/{world.Jo.Id}");
        await page.GetByLabel("Paused: no check-ins or reminders for now").CheckAsync();
        await Assertions.Expect(page.Locator("#Input_PausedUntil")).ToBeVisibleAsync();
        await session.CheckAsync(page, "a service user, pausing");

        await page.GotoAsync("/Manage/Staff/Create");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add staff member" }).ClickAsync();
        await session.CheckAsync(page, "add a staff member, with errors");

        await page.GotoAsync($"/Manage/Staff/Edit/{world.TherapistA2.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a password reset link" }).ClickAsync();
        var link = await page.Locator("#reset-link-text").InputValueAsync();
        await session.CheckAsync(page, "a staff account with its reset link");

        var staffMember = await session.NewPageAsync(); // their own browser, signed out
        await staffMember.GotoAsync(new Uri(link).PathAndQuery);
        await session.CheckAsync(staffMember, "choose a new password");
        await staffMember.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await session.CheckAsync(staffMember, "choose a new password, with an error");
        await staffMember.GotoAsync("/Account/ResetPassword?user=00000000-0000-0000-0000-000000000001&token=used");
        await session.CheckAsync(staffMember, "a reset link that no longer works");

        session.AssertNoProblems();
    }

    internal static Task SignInAsync(IPage page, string email) => BrowserSession.SignInAsync(page, email, DashboardWorld.Password);

    [GeneratedRegex("/Dashboard/Cycle/")]
    private static partial Regex CycleUrl();
}
