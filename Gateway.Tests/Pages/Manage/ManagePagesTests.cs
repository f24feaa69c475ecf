using System.Net;
using AngleSharp.Html.Dom;
using Buddy.Domain.Audit;
using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Templates;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Pages.Manage;

/// <summary>The manager console through real forms (AngleSharp, antiforgery included) and its scope rules.</summary>
public sealed class ManagePagesTests
{
    [Fact]
    public async Task CreateServiceUser_WhenFormPostedWithSchedule_SavesBothAndAuditsTheManager()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);
        var page = await client.GetDocumentAsync("/Manage/ServiceUsers/Create");
        Assert.NotNull(page.QuerySelector("input[name=__RequestVerificationToken]"));

        using var response = await client.SubmitAsync(page.FormWithButton("Add service user"), new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Casey New",
            ["Input.Phone"] = "+44 7700 900555",
            ["Input.TherapistId"] = world.TherapistA1.Id.ToString(),
            ["Schedule.LocalTime"] = "18:30",
            ["Schedule.ReminderAfterMinutes"] = "90",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = world.CreateContext();
        var casey = await db.ServiceUsers.SingleAsync(s => s.DisplayName == "Casey New");
        Assert.Equal($"/Manage/ServiceUsers/Edit/{casey.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal((world.OrgA.Id, "+447700900555", (Guid?)world.TherapistA1.Id), (casey.OrganisationId, casey.PhoneE164, casey.TherapistId));
        var schedule = await db.CheckInSchedules.SingleAsync(s => s.ServiceUserId == casey.Id);
        Assert.Equal((new TimeOnly(18, 30), CheckInDays.Everyday, (int?)90), (schedule.LocalTime, schedule.Days, schedule.ReminderAfterMinutes));
        var audits = await db.AuditEvents.Where(e => e.ServiceUserId == casey.Id).ToListAsync();
        Assert.All(audits, a => Assert.Equal((AuditActorType.Staff, (Guid?)world.ManagerA.Id), (a.ActorType, a.ActorId)));
        Assert.Contains("Casey New was added", (await client.GetDocumentAsync(response.Headers.Location.OriginalString)).Body!.TextContent);
    }

    [Fact]
    public async Task CreateServiceUser_WhenInvalid_ShowsErrorSummaryLinkedToInlineErrorsAndSavesNothing()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);
        var page = await client.GetDocumentAsync("/Manage/ServiceUsers/Create");
        var form = page.FormWithButton("Add service user");
        foreach (var box in form.QuerySelectorAll("input[name='Schedule.Days']").OfType<IHtmlInputElement>())
        {
            box.IsChecked = false;
        }

        using var response = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Casey",
            ["Input.Phone"] = "020 7946 0555",
            ["Schedule.LocalTime"] = "23:00",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await HtmlForms.ParseAsync(response);
        var links = result.QuerySelectorAll(".nhsuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#Input_Phone", "#Schedule_Days", "#Schedule_LocalTime"], links.Order());
        Assert.Contains("That is a landline number", result.QuerySelector("#Input_Phone-error")!.TextContent);
        Assert.Contains("quiet hours", result.QuerySelector("#Schedule_LocalTime-error")!.TextContent);
        Assert.Equal("020 7946 0555", ((IHtmlInputElement)result.QuerySelector("#Input_Phone")!).Value);
        await using var db = world.CreateContext();
        Assert.False(await db.ServiceUsers.AnyAsync(s => s.DisplayName == "Casey"));
    }

    [Fact]
    public async Task CreateServiceUser_WithAnotherOrganisationsClientsNumber_SaysOnlyThatBuddyCannotUseIt()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);
        var page = await client.GetDocumentAsync("/Manage/ServiceUsers/Create");

        using var response = await client.SubmitAsync(page.FormWithButton("Add service user"), new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Casey New",
            ["Input.Phone"] = world.Bo.PhoneE164!,
            ["Schedule.LocalTime"] = "18:30",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = (await HtmlForms.ParseAsync(response)).QuerySelector("#Input_Phone-error")!.TextContent;
        Assert.Contains("Buddy cannot use this mobile number", error, StringComparison.Ordinal);
        Assert.DoesNotContain("service user", error, StringComparison.OrdinalIgnoreCase);
        await using var db = world.CreateContext();
        Assert.False(await db.ServiceUsers.AnyAsync(s => s.DisplayName == "Casey New"));
    }

    [Fact]
    public async Task TemplatePreview_WhenPreviewPosted_ShowsFilledTextAndSegmentCountWithoutSaving()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);
        var page = await client.GetDocumentAsync("/Manage/Templates/Edit");
        var form = page.FormWithButton("Save template");
        form.Action = page.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Preview").GetAttribute("formaction")!;

        using var response = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Name"] = "Evening",
            ["Input.Body"] = "Hi {FirstName}, how’s today? Mood {ScaleRange}",
        });

        var result = await HtmlForms.ParseAsync(response);
        // Measured with the organisation's longest first name (Jo Bloggs and Sam Smith: Sam), and it says so.
        Assert.Equal("Hi Sam, how’s today? Mood 0-10", result.QuerySelector("#preview-text")!.TextContent);
        Assert.Contains("Measured with Sam, the longest first name among your service users.", result.QuerySelector("#preview-name")!.TextContent);
        Assert.Contains("30 of 70 characters, 1 text (Unicode)", result.QuerySelector("#preview-counter")!.TextContent);
        Assert.Equal("’", result.QuerySelector("#preview-unicode-chars")!.TextContent);
        await using var db = world.CreateContext();
        Assert.False(await db.MessageTemplates.AnyAsync());
    }

    [Fact]
    public async Task SaveTemplate_WhenUnknownPlaceholder_RefusesNamingIt()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);
        var page = await client.GetDocumentAsync("/Manage/Templates/Edit");

        using var response = await client.SubmitAsync(page.FormWithButton("Save template"), new Dictionary<string, string>
        {
            ["Input.Name"] = "Evening",
            ["Input.Body"] = "Hi {Frist}",
        });

        var result = await HtmlForms.ParseAsync(response);
        Assert.Contains("{Frist}", result.QuerySelector("#Input_Body-error")!.TextContent);
    }

    [Fact]
    public async Task SaveTemplate_WhenValidAndDefault_SavesAndAudits()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);
        var page = await client.GetDocumentAsync("/Manage/Templates/Edit");

        using var response = await client.SubmitAsync(page.FormWithButton("Save template"), new Dictionary<string, string>
        {
            ["Input.Name"] = "Evening",
            ["Input.Body"] = "Evening {FirstName}! Mood {ScaleRange}?",
            ["Input.IsDefault"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = world.CreateContext();
        var template = await db.MessageTemplates.SingleAsync();
        Assert.Equal((TemplateKind.CheckIn, true, world.OrgA.Id), (template.Kind, template.IsDefault, template.OrganisationId));
        Assert.Equal("template.created", (await db.AuditEvents.SingleAsync(e => e.EntityId == template.Id.ToString())).Action);
    }

    [Fact]
    public async Task EditServiceUser_WhenPausedUntilADate_SavesAndShowsConsentReadOnly()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);
        var page = await client.GetDocumentAsync($"/Manage/ServiceUsers/Edit/{world.Jo.Id}");
        Assert.Null(page.QuerySelector("[name='Input.Consent']"));
        Assert.Contains("Opted in", page.QuerySelector("#consent")!.TextContent);

        using var response = await client.SubmitAsync(page.FormWithButton("Save details"), new Dictionary<string, string>
        {
            ["Input.Status"] = "Paused",
        }.WithDate("Input.PausedUntil", new DateOnly(2026, 12, 1)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = world.CreateContext();
        var jo = await db.ServiceUsers.SingleAsync(s => s.Id == world.Jo.Id);
        Assert.Equal((ServiceUserStatus.Paused, (DateOnly?)new DateOnly(2026, 12, 1), ConsentState.OptedIn), (jo.Status, jo.PausedUntil, jo.Consent));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ServiceUserId == world.Jo.Id && e.Action == "service-user.viewed"));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ServiceUserId == world.Jo.Id && e.Action == "service-user.paused"));
    }

    public static TheoryData<string> ManagerPages => new()
    {
        "/Manage", "/Manage/ServiceUsers", "/Manage/ServiceUsers/Create", "/Manage/Templates", "/Manage/Templates/Edit",
        "/Manage/Staff", "/Manage/Staff/Create", "/Manage/Organisation", "/Manage/Overview", "/Manage/Audit",
    };

    [Theory, MemberData(nameof(ManagerPages))]
    public async Task ManagerPage_WhenTherapistSignedIn_IsForbidden(string url)
    {
        await using var world = await DashboardWorld.CreateAsync();
        var therapist = await world.SignedInAsync(world.TherapistA1);
        var manager = await world.SignedInAsync(world.ManagerA);

        using var denied = await therapist.GetAsync(url);
        using var allowed = await manager.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Theory]
    [InlineData("/Manage/ServiceUsers/Edit/{bo}")]
    [InlineData("/Manage/ServiceUsers/Schedule/{bo}")]
    public async Task ServiceUserPages_WhenIdBelongsToAnotherOrganisation_Return404AndChangeNothing(string template)
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);
        var ownPage = await client.GetDocumentAsync(template.Replace("{bo}", world.Jo.Id.ToString(), StringComparison.Ordinal));
        var url = template.Replace("{bo}", world.Bo.Id.ToString(), StringComparison.Ordinal);

        using var get = await client.GetAsync(url);
        var form = ownPage.Forms.First(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase) && f.QuerySelector("[name='__RequestVerificationToken']") is not null
                                           && f.GetAttribute("action") is null or "");
        form.Action = "https://localhost" + url;
        using var post = await client.SubmitAsync(form);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (get.StatusCode, post.StatusCode));
        await using var db = world.CreateContext();
        var bo = await db.ServiceUsers.SingleAsync(s => s.Id == world.Bo.Id);
        Assert.Equal((world.Bo.DisplayName, world.Bo.PhoneE164, world.OrgB.Id), (bo.DisplayName, bo.PhoneE164, bo.OrganisationId));
        Assert.False(await db.CheckInSchedules.AnyAsync(s => s.ServiceUserId == world.Bo.Id));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.ServiceUserId == world.Bo.Id));
    }

    [Fact]
    public async Task StaffDeactivate_WhenStaffBelongsToAnotherOrganisation_Returns404()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);
        var page = await client.GetDocumentAsync($"/Manage/Staff/Deactivate/{world.TherapistA2.Id}");
        var form = page.FormWithButton("Deactivate account");
        form.Action = $"/Manage/Staff/Deactivate/{world.TherapistB.Id}";

        using var get = await client.GetAsync(form.Action);
        using var response = await client.SubmitAsync(form);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (get.StatusCode, response.StatusCode));
        await using var db = world.CreateContext();
        Assert.True((await db.StaffMembers.SingleAsync(s => s.Id == world.TherapistB.Id)).IsActive);
    }

    [Fact]
    public async Task ServiceUsersList_ShowsOnlyOwnOrganisation()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);

        var text = (await client.GetDocumentAsync("/Manage/ServiceUsers")).QuerySelector("#service-users")!.TextContent;

        Assert.Contains(world.Jo.DisplayName, text);
        Assert.Contains(world.Sam.DisplayName, text);
        Assert.DoesNotContain(world.Bo.DisplayName, text);
    }

    [Fact]
    public async Task Api_WhenOnlyAStaffCookieIsSent_Returns401()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);

        using var response = await client.GetAsync($"/api/v1/service-users/{world.Jo.Id}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
