using System.Text.RegularExpressions;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Buddy.Tests.Browser;

/// <summary>
/// A service manager in a real browser: sign in, add a service user with a schedule, and watch the template
/// preview and segment counter update as they type (the live script, under the content security policy).
/// </summary>
public sealed partial class ManagerJourneyTests
{
    [ChromiumFact]
    public async Task Manager_CreatesServiceUserWithSchedule_AndSeesTemplatePreviewUpdate()
    {
        await using var world = await DashboardWorld.CreateAsync(kestrel: true);
        var baseAddress = world.Factory.StartKestrel();
        await using var session = await BrowserSession.OpenAsync(baseAddress);
        var page = await session.NewPageAsync();

        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email address").FillAsync(world.ManagerA.Email);
        await page.GetByLabel("Password").FillAsync(DashboardWorld.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Manage" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Service users" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a service user" }).ClickAsync();

        await page.GetByLabel("Full name").FillAsync("Casey Browser");
        await page.GetByLabel("Mobile number").FillAsync("+447700900444");
        await page.GetByLabel("Therapist").SelectOptionAsync(new SelectOptionValue { Label = world.TherapistA1.DisplayName });
        await page.GetByLabel("Check-in time").FillAsync("18:15");
        await page.GetByLabel("Saturday").UncheckAsync();
        await page.GetByLabel("Sunday").UncheckAsync();
        await page.GetByLabel("Reminder after (minutes, optional)").FillAsync("60");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add service user" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Casey Browser", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Casey Browser was added")).ToBeVisibleAsync();
        await session.CheckAsync(page, "a new service user");
        await using (var db = world.CreateContext())
        {
            var casey = await db.ServiceUsers.SingleAsync(s => s.DisplayName == "Casey Browser");
            var schedule = await db.CheckInSchedules.SingleAsync(s => s.ServiceUserId == casey.Id);
            Assert.Equal((new TimeOnly(18, 15), Domain.Schedules.CheckInDays.Weekdays, (int?)60), (schedule.LocalTime, schedule.Days, schedule.ReminderAfterMinutes));
        }

        // The template editor: preview and counter follow the typing without a round trip.
        await page.GotoAsync("/Manage/Templates/Edit");
        var message = page.GetByLabel("Message");
        await message.FillAsync("Hi {FirstName}, mood {ScaleRange}?");
        // Measured with the organisation's longest first name: Casey, just added, beats Jo and Sam.
        await Assertions.Expect(page.Locator("#preview-text")).ToHaveTextAsync("Hi Casey, mood 0-10?");
        await Assertions.Expect(page.Locator("#preview-counter")).ToContainTextAsync("20 of 160 characters, 1 text (GSM-7)");
        await Assertions.Expect(page.Locator("#preview-name")).ToHaveTextAsync("Measured with Casey, the longest first name among your service users.");
        await Assertions.Expect(page.Locator("#preview-unicode")).ToBeHiddenAsync();

        await message.FillAsync("Hi {FirstName} 😊 " + new string('x', 60));
        await Assertions.Expect(page.Locator("#preview-counter")).ToContainTextAsync("72 characters, 2 texts (Unicode, up to 67 characters each)");
        await Assertions.Expect(page.Locator("#preview-counter")).ToHaveClassAsync(Over());
        await Assertions.Expect(page.Locator("#preview-unicode-chars")).ToHaveTextAsync("😊");
        await session.CheckAsync(page, "template editor with a two-text message");

        var screenshots = Environment.GetEnvironmentVariable("BUDDY_SCREENSHOTS");
        if (!string.IsNullOrEmpty(screenshots))
        {
            Directory.CreateDirectory(screenshots);
            await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "template-preview.png"), FullPage = true });
        }

        session.AssertNoProblems();
    }

    [GeneratedRegex("buddy-counter--over")]
    private static partial Regex Over();
}
