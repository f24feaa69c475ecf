using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Buddy.Domain.ServiceUsers;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Pages.Manage;

/// <summary>
/// The manager's forms as typed: day/month/year dates and 24-hour text times (never a browser picker), the time zone
/// list, and a cleared required field that is an error rather than a form silently returned.
/// </summary>
public sealed class FormFieldsTests
{
    [Fact]
    public async Task AddServiceUser_WhenTheCheckInTimeIsCleared_SaysSo_AndSavesNothing()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);
        var page = await client.GetDocumentAsync("/Manage/ServiceUsers/Create");

        using var response = await client.SubmitAsync(page.FormWithButton("Add service user"), new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Casey New", ["Input.Phone"] = "+447700900555", ["Schedule.LocalTime"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await HtmlForms.ParseAsync(response);
        Assert.Equal(
            [("#Schedule_LocalTime", "Enter the check-in time, for example 19:00")],
            result.QuerySelectorAll(".nhsuk-error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())));
        Assert.Contains("Enter the check-in time", result.QuerySelector("#Schedule_LocalTime-error")!.TextContent, StringComparison.Ordinal);
        await using var db = world.CreateContext();
        Assert.False(await db.ServiceUsers.AnyAsync(s => s.DisplayName == "Casey New"));
    }

    [Fact]
    public async Task AddServiceUser_DatesAndTimesAreTextBoxes_ReadAsTyped_WithTheDesignSystemsMessages()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);
        var page = await client.GetDocumentAsync("/Manage/ServiceUsers/Create");
        Assert.Empty(page.QuerySelectorAll("input[type=date], input[type=time]"));
        Assert.Equal(["Day", "Month", "Year"], page.QuerySelectorAll("#Schedule_StartDate-parts label").Select(l => l.TextContent.Trim()));
        Assert.Equal("text", page.QuerySelector<IHtmlInputElement>("#Schedule_LocalTime")!.Type);

        using var wrong = await client.SubmitAsync(page.FormWithButton("Add service user"), new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Casey New", ["Input.Phone"] = "+447700900555", ["Schedule.LocalTime"] = "7", ["Schedule.QuietHoursStart"] = "22:00",
            ["Schedule.QuietHoursEnd"] = "nine",
        }.WithDate("Schedule.StartDate", "31", "2", "2027").WithDate("Schedule.EndDate", "", "3", ""));

        var result = await HtmlForms.ParseAsync(wrong);
        Assert.Equal(
            [
                ("#Schedule_LocalTime", "Enter the check-in time as a 24-hour time, for example 19:00"),
                ("#Schedule_StartDate", "The first day must be a real date"),
                ("#Schedule_EndDate", "The last day must include a day and year"),
                ("#Schedule_QuietHoursEnd", "Enter the end of quiet hours as a 24-hour time, for example 19:00"),
            ],
            result.QuerySelectorAll(".nhsuk-error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())));
        Assert.Contains("nhsuk-input--error", result.QuerySelector("#Schedule_StartDate")!.ClassName, StringComparison.Ordinal);
        Assert.DoesNotContain("nhsuk-input--error", result.QuerySelector("#Schedule_StartDate_Year")!.ClassName, StringComparison.Ordinal);
        Assert.Equal(("31", "2", "2027"), (Value(result, "#Schedule_StartDate"), Value(result, "#Schedule_StartDate_Month"), Value(result, "#Schedule_StartDate_Year")));

        using var right = await client.SubmitAsync(result.FormWithButton("Add service user"), new Dictionary<string, string>
        {
            ["Schedule.LocalTime"] = "7:30pm", ["Schedule.QuietHoursStart"] = "", ["Schedule.QuietHoursEnd"] = "",
        }.WithDate("Schedule.StartDate", "1", "Dec", "2026").WithDate("Schedule.EndDate", "", "", ""));

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        await using var db = world.CreateContext();
        var casey = await db.ServiceUsers.SingleAsync(s => s.DisplayName == "Casey New");
        var schedule = await db.CheckInSchedules.SingleAsync(s => s.ServiceUserId == casey.Id);
        Assert.Equal((new TimeOnly(19, 30), (DateOnly?)new DateOnly(2026, 12, 1), (DateOnly?)null), (schedule.LocalTime, schedule.StartDate, schedule.EndDate));

        // The first check-in is timed at once, and the confirmation says when.
        Assert.Equal(new DateTime(2026, 12, 1, 19, 30, 0, DateTimeKind.Utc), schedule.NextDueAtUtc);
        var edit = await client.GetDocumentAsync(right.Headers.Location!.OriginalString);
        Assert.Contains("Their first check-in goes out Tue 1 Dec 2026, 19:30 (their time).", edit.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeZone_IsAList_WithTheOrganisationsZoneFirst()
    {
        await using var world = await DashboardWorld.CreateAsync();
        await using (var db = world.CreateContext())
        {
            (await db.Organisations.SingleAsync(o => o.Id == world.OrgA.Id)).TimeZoneId = "Europe/Dublin";
            (await db.ServiceUsers.SingleAsync(s => s.Id == world.Jo.Id)).TimeZoneId = "America/New_York";
            await db.SaveChangesAsync();
        }

        var client = await world.SignedInAsync(world.ManagerA);
        var create = await client.GetDocumentAsync("/Manage/ServiceUsers/Create");
        var edit = await client.GetDocumentAsync($"/Manage/ServiceUsers/Edit/{world.Jo.Id}");
        var settings = await client.GetDocumentAsync("/Manage/Organisation");

        var offered = create.QuerySelectorAll<IHtmlOptionElement>("#Input_TimeZoneId option").ToList();
        Assert.Equal(("Europe/Dublin", true), (offered[0].Value, offered[0].IsSelected));
        Assert.Contains("your organisation's zone", offered[0].TextContent, StringComparison.Ordinal);
        Assert.Contains(offered, o => o.Value == "Australia/Sydney" && o.TextContent.Contains("Australia", StringComparison.Ordinal));
        Assert.True(offered.Count > 300);
        var jo = edit.QuerySelectorAll<IHtmlOptionElement>("#Input_TimeZoneId option").ToList();
        Assert.Equal(["Europe/Dublin", "America/New_York"], jo.Take(2).Select(o => o.Value));
        Assert.Equal("America/New_York", Assert.Single(jo, o => o.IsSelected).Value);
        Assert.Equal("Europe/Dublin", settings.QuerySelector<IHtmlSelectElement>("#Input_TimeZoneId")!.Value);
    }

    [Fact]
    public async Task EditServiceUser_PausedWithNoRestartDate_IsPausedUntilSetActive()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);
        var page = await client.GetDocumentAsync($"/Manage/ServiceUsers/Edit/{world.Jo.Id}");

        using var response = await client.SubmitAsync(page.FormWithButton("Save details"), new Dictionary<string, string> { ["Input.Status"] = "Paused" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = world.CreateContext();
        var jo = await db.ServiceUsers.SingleAsync(s => s.Id == world.Jo.Id);
        Assert.Equal((ServiceUserStatus.Paused, (DateOnly?)null), (jo.Status, jo.PausedUntil));
        var list = await client.GetDocumentAsync("/Manage/ServiceUsers");
        Assert.Contains("Paused (no restart date)", list.QuerySelector("#service-users")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganisationSettings_WhenQuietHoursAreCleared_SaysSo_InsteadOfFailing()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);
        var page = await client.GetDocumentAsync("/Manage/Organisation");
        Assert.Equal(("21:30", "08:00"), (Value(page, "#Input_QuietHoursStart"), Value(page, "#Input_QuietHoursEnd")));

        using var response = await client.SubmitAsync(page.FormWithButton("Save settings"), new Dictionary<string, string>
        {
            ["Input.QuietHoursStart"] = "", ["Input.QuietHoursEnd"] = "10pm", ["Input.CatchUpWindowMinutes"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await HtmlForms.ParseAsync(response);
        Assert.Equal(
            [("#Input_QuietHoursStart", "Enter the start of quiet hours, for example 19:00"), ("#Input_CatchUpWindowMinutes", "Enter a number")],
            result.QuerySelectorAll(".nhsuk-error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())));
    }

    private static string Value(IHtmlDocument page, string selector) => page.QuerySelector<IHtmlInputElement>(selector)!.Value;
}
