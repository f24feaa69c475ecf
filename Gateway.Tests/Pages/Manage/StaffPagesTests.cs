using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Buddy.Domain.Audit;
using Buddy.Domain.Staff;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Pages.Manage;

/// <summary>Staff accounts through the manager's forms: errors in form order, role changes, reset links, deactivation.</summary>
public sealed class StaffPagesTests
{
    private const string NewPassword = "Another-Horse-77!";

    [Fact]
    public async Task CreateStaff_WhenTheFormIsEmpty_ListsTheProblemsInTheOrderOfTheFields_WithOnePasswordMessage()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);
        var page = await client.GetDocumentAsync("/Manage/Staff/Create");

        using var response = await client.SubmitAsync(page.FormWithButton("Add staff member"));

        var result = await HtmlForms.ParseAsync(response);
        Assert.Equal(
            [
                ("#Input_DisplayName", "Enter the staff member's name"),
                ("#Input_Email", "Enter an email address"),
                ("#Input_Password", "Enter a first password for them"),
            ],
            result.QuerySelectorAll(".nhsuk-error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())));
    }

    [Fact]
    public async Task CreateStaff_OffersRolesInWords_AndOnlyAnAdministratorMakesAnother()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);
        var page = await client.GetDocumentAsync("/Manage/Staff/Create");
        Assert.Equal(["Therapist", "Service manager"], page.QuerySelectorAll("#Input_Role option").Select(o => o.TextContent));

        using var response = await client.SubmitAsync(page.FormWithButton("Add staff member"), new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ash Admin", ["Input.Email"] = "ash@northshire.example", ["Input.Role"] = "Admin", ["Input.Password"] = NewPassword,
        });

        var result = await HtmlForms.ParseAsync(response);
        Assert.Contains("Only an administrator can make someone an administrator", result.QuerySelector("#Input_Role-error")!.TextContent, StringComparison.Ordinal);
        await using var db = world.CreateContext();
        Assert.False(await db.StaffMembers.AnyAsync(s => s.Email == "ash@northshire.example"));
    }

    [Fact]
    public async Task StaffList_ShowsRolesInWords_AndNoDeactivateButtons()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);

        var page = await client.GetDocumentAsync("/Manage/Staff");

        var managerRow = page.QuerySelectorAll("#staff tbody tr").Single(r => r.TextContent.Contains(world.ManagerA.DisplayName, StringComparison.Ordinal));
        Assert.Contains("Service manager", managerRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("(you)", managerRow.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("ServiceManager", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("#staff form"));
    }

    [Fact]
    public async Task EditStaff_ChangesTheRole_AuditsItInWords_AndTheNewRoleReachesTheirSignIn()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var manager = await world.SignedInAsync(world.ManagerA);
        var page = await manager.GetDocumentAsync($"/Manage/Staff/Edit/{world.TherapistA2.Id}");

        using var response = await manager.SubmitAsync(page.FormWithButton("Save details"), new Dictionary<string, string> { ["Input.Role"] = "ServiceManager" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = world.CreateContext();
        Assert.Equal(StaffRole.ServiceManager, (await db.StaffMembers.SingleAsync(s => s.Id == world.TherapistA2.Id)).Role);
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "staff.updated");
        Assert.Equal((world.ManagerA.Id, world.TherapistA2.Id.ToString(), "changed role from Therapist to Service manager"), (audit.ActorId!.Value, audit.EntityId, audit.Detail));
        var robin = await world.SignedInAsync(world.TherapistA2);
        using var console = await robin.GetAsync("/Manage");
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
    }

    [Fact]
    public async Task EditStaff_OnYourOwnAccount_OffersNoRoleChangeResetOrDeactivation_AndRefusesThemIfPosted()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);

        var page = await client.GetDocumentAsync($"/Manage/Staff/Edit/{world.ManagerA.Id}");

        Assert.Null(page.QuerySelector("select#Input_Role"));
        Assert.Null(page.QuerySelector("#deactivate-link"));
        Assert.DoesNotContain(page.QuerySelectorAll("button"), b => b.TextContent.Contains("reset link", StringComparison.Ordinal));
        Assert.Contains("This is your own account", page.QuerySelector("#why-limited")!.TextContent, StringComparison.Ordinal);

        var form = page.FormWithButton("Save details");
        ((IHtmlInputElement)form.QuerySelector("input[name='Input.Role']")!).Value = "Therapist";
        using var demote = await client.SubmitAsync(form);
        using var deactivate = await client.GetAsync($"/Manage/Staff/Deactivate/{world.ManagerA.Id}");
        using var reset = await client.PostAsync($"/Manage/Staff/Edit/{world.ManagerA.Id}?handler=ResetLink", TokenOnly(page));

        Assert.Contains("This is your own account", (await HtmlForms.ParseAsync(demote)).QuerySelector("#Input_Role-error, .nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, deactivate.StatusCode);
        Assert.Contains("This is your own account", (await HtmlForms.ParseAsync(reset)).QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
        await using var db = world.CreateContext();
        var self = await db.StaffMembers.SingleAsync(s => s.Id == world.ManagerA.Id);
        Assert.Equal((StaffRole.ServiceManager, true), (self.Role, self.IsActive));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action.StartsWith("staff.")));
    }

    [Fact]
    public async Task Deactivate_AsksFirst_ThenStopsTheirSignIn_AndCanBeUndone()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var manager = await world.SignedInAsync(world.ManagerA);
        var edit = await manager.GetDocumentAsync($"/Manage/Staff/Edit/{world.TherapistA2.Id}");
        var confirm = await manager.GetDocumentAsync(edit.QuerySelector("#deactivate-link")!.GetAttribute("href")!);
        Assert.Equal("Deactivate Robin Therapist's account?", confirm.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("service user", confirm.QuerySelector("#caseload-warning")!.TextContent, StringComparison.Ordinal); // Sam is theirs
        await using (var db = world.CreateContext())
        {
            Assert.True((await db.StaffMembers.SingleAsync(s => s.Id == world.TherapistA2.Id)).IsActive); // only asked so far
        }

        using var deactivated = await manager.SubmitAsync(confirm.FormWithButton("Deactivate account"));

        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        using (var refused = await DashboardWorld.SignInAsync(world.CreateBrowser(), world.TherapistA2.Email, DashboardWorld.Password))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // the sign-in form again, not a redirect into Buddy
        }

        var again = await manager.GetDocumentAsync($"/Manage/Staff/Edit/{world.TherapistA2.Id}");
        using var reactivated = await manager.SubmitAsync(again.FormWithButton("Reactivate Robin Therapist's account"));
        Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        await world.SignedInAsync(world.TherapistA2);
        await using var check = world.CreateContext();
        Assert.Equal(["staff.deactivated", "staff.reactivated"],
            await check.AuditEvents.Where(e => e.EntityId == world.TherapistA2.Id.ToString()).OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task ResetLink_LetsThemChooseAPassword_Once_AndIsAudited()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var manager = await world.SignedInAsync(world.ManagerA);
        var edit = await manager.GetDocumentAsync($"/Manage/Staff/Edit/{world.TherapistA2.Id}");

        using var made = await manager.SubmitAsync(edit.FormWithButton("Make a password reset link"));
        var link = new Uri(((IHtmlTextAreaElement)(await HtmlForms.ParseAsync(made)).QuerySelector("#reset-link-text")!).Value.Trim());
        Assert.Equal("/Account/ResetPassword", link.AbsolutePath);

        // The staff member, signed out, opens the link on their own browser.
        var robin = world.CreateBrowser();
        var form = await robin.GetDocumentAsync(link.PathAndQuery);
        Assert.Contains(world.TherapistA2.Email, form.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using (var mismatch = await robin.SubmitAsync(form.FormWithButton("Set password"), new Dictionary<string, string> { ["Password"] = NewPassword, ["ConfirmPassword"] = "typo" }))
        {
            Assert.Equal("#ConfirmPassword", (await HtmlForms.ParseAsync(mismatch)).QuerySelector(".nhsuk-error-summary a")!.GetAttribute("href"));
        }

        using var set = await robin.SubmitAsync(form.FormWithButton("Set password"), new Dictionary<string, string> { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Contains("Your new password is set", (await robin.GetDocumentAsync(set.Headers.Location!.OriginalString)).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        using (var signedIn = await DashboardWorld.SignInAsync(world.CreateBrowser(), world.TherapistA2.Email, NewPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        // Used once, the link is dead.
        var reused = await world.CreateBrowser().GetDocumentAsync(link.PathAndQuery);
        Assert.Equal("This link no longer works", reused.QuerySelector("main h1")!.TextContent.Trim());
        await using var db = world.CreateContext();
        var audits = await db.AuditEvents.Where(e => e.EntityId == world.TherapistA2.Id.ToString()).OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id).ToListAsync();
        Assert.Equal(
            [("staff.password-reset-issued", world.ManagerA.Id), ("staff.password-reset", world.TherapistA2.Id)],
            audits.Select(a => (a.Action, a.ActorId!.Value)));
        Assert.All(audits, a => Assert.Equal(AuditActorType.Staff, a.ActorType));
        Assert.DoesNotContain(audits, a => (a.Detail ?? "").Contains(link.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResetLink_WhenANewerOneIsMade_TheOlderStopsWorking()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var manager = await world.SignedInAsync(world.ManagerA);
        var edit = await manager.GetDocumentAsync($"/Manage/Staff/Edit/{world.TherapistA2.Id}");

        var first = await LinkAsync(manager, edit);
        var second = await LinkAsync(manager, edit);

        Assert.Equal("This link no longer works", (await world.CreateBrowser().GetDocumentAsync(first.PathAndQuery)).QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal("Choose a new password", (await world.CreateBrowser().GetDocumentAsync(second.PathAndQuery)).QuerySelector("main h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task ResetLink_ForAnotherOrganisationsStaff_IsNotFound()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var manager = await world.SignedInAsync(world.ManagerA);
        var edit = await manager.GetDocumentAsync($"/Manage/Staff/Edit/{world.TherapistA2.Id}");

        using var response = await manager.PostAsync($"/Manage/Staff/Edit/{world.TherapistB.Id}?handler=ResetLink", TokenOnly(edit));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = world.CreateContext();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action.StartsWith("staff.")));
    }

    [Fact]
    public async Task AServiceManager_CannotChangeResetOrDeactivateAnAdministrator()
    {
        await using var world = await DashboardWorld.CreateAsync();
        await using (var db = world.CreateContext())
        {
            var robin = await db.StaffMembers.SingleAsync(s => s.Id == world.TherapistA2.Id);
            robin.Role = StaffRole.Admin;
            await db.SaveChangesAsync();
        }

        var manager = await world.SignedInAsync(world.ManagerA);
        var page = await manager.GetDocumentAsync($"/Manage/Staff/Edit/{world.TherapistA2.Id}");

        Assert.Contains("Only an administrator can change an administrator's account", page.QuerySelector("#why-limited")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("select#Input_Role"));
        using var reset = await manager.PostAsync($"/Manage/Staff/Edit/{world.TherapistA2.Id}?handler=ResetLink", TokenOnly(page));
        using var deactivate = await manager.GetAsync($"/Manage/Staff/Deactivate/{world.TherapistA2.Id}");
        Assert.Contains("Only an administrator", (await HtmlForms.ParseAsync(reset)).QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, deactivate.StatusCode); // forbidden: the access-denied page
        Assert.StartsWith("/Account/AccessDenied", deactivate.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static async Task<Uri> LinkAsync(HttpClient manager, IHtmlDocument edit)
    {
        using var made = await manager.SubmitAsync(edit.FormWithButton("Make a password reset link"));
        return new Uri(((IHtmlTextAreaElement)(await HtmlForms.ParseAsync(made)).QuerySelector("#reset-link-text")!).Value.Trim());
    }

    private static FormUrlEncodedContent TokenOnly(IHtmlDocument page) =>
        new([new("__RequestVerificationToken", page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value)]);
}
