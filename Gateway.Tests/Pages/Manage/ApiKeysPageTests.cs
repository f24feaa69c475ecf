using System.Net;
using Buddy.Domain.ApiKeys;
using Buddy.Domain.Audit;
using Buddy.Tests.Api;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Pages.Manage;

/// <summary>
/// The manager console's API keys page (finding 4 of issue 13): the organisation's keys with when each was made and
/// last used, and revoking one through a confirmation form (antiforgery, audit), after which the key is refused.
/// </summary>
public sealed class ApiKeysPageTests
{
    [Fact]
    public async Task Page_ListsOnlyTheOrganisationsKeys_WithCreatedLastUsedAndStatus()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var (_, ours) = await AddKeyAsync(world, world.OrgA.Id, "Records system", lastUsed: DashboardWorld.Now.UtcDateTime.AddHours(-3));
        await AddKeyAsync(world, world.OrgB.Id, "Southby integration");
        var manager = await world.SignedInAsync(world.ManagerA);

        var page = await manager.GetDocumentAsync("/Manage/ApiKeys");

        var table = page.QuerySelector("#api-keys")!.TextContent;
        Assert.Contains("Records system", table, StringComparison.Ordinal);
        Assert.Contains(ours.Prefix, table, StringComparison.Ordinal);
        Assert.Contains("Thu 19 Nov 2026, 09:00", table, StringComparison.Ordinal); // last used, London time
        Assert.Contains("Active", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Southby integration", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_ThroughTheConfirmation_RevokesAuditsAndTheKeyIsRefusedAtOnce()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var (secret, key) = await AddKeyAsync(world, world.OrgA.Id, "Records system");
        Assert.Equal(HttpStatusCode.OK, (await ApiWorld.Client(world.Factory, secret).GetAsync("/api/v1/therapists")).StatusCode);
        var manager = await world.SignedInAsync(world.ManagerA);
        var list = await manager.GetDocumentAsync("/Manage/ApiKeys");
        var revokeLink = list.QuerySelector("#api-keys a")!.GetAttribute("href")!;

        var confirm = await manager.GetDocumentAsync(revokeLink);
        Assert.Contains("Revoke the key 'Records system'?", confirm.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        using var revoked = await manager.SubmitAsync(confirm.FormWithButton("Revoke key"));

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Contains("was revoked", (await manager.GetDocumentAsync(revoked.Headers.Location!.OriginalString)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiWorld.Client(world.Factory, secret).GetAsync("/api/v1/therapists")).StatusCode);
        await using var db = world.CreateContext();
        Assert.Equal(DashboardWorld.Now.UtcDateTime, (await db.ApiKeys.SingleAsync(k => k.Id == key.Id)).RevokedAtUtc);
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == "api-key.revoked");
        Assert.Equal((AuditActorType.Staff, (Guid?)world.ManagerA.Id, key.Id.ToString()), (audit.ActorType, audit.ActorId, audit.EntityId));
    }

    [Fact]
    public async Task Revoke_WithoutTheAntiforgeryToken_IsRefused()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var (_, key) = await AddKeyAsync(world, world.OrgA.Id, "Records system");
        var manager = await world.SignedInAsync(world.ManagerA);

        using var response = await manager.PostAsync($"/Manage/ApiKeys/Revoke/{key.Id}", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = world.CreateContext();
        Assert.Null((await db.ApiKeys.SingleAsync(k => k.Id == key.Id)).RevokedAtUtc);
    }

    [Fact]
    public async Task Revoke_AnotherOrganisationsKey_Returns404AndChangesNothing()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var (_, ours) = await AddKeyAsync(world, world.OrgA.Id, "Records system");
        var (_, theirs) = await AddKeyAsync(world, world.OrgB.Id, "Southby integration");
        var manager = await world.SignedInAsync(world.ManagerA);
        var confirm = await manager.GetDocumentAsync($"/Manage/ApiKeys/Revoke/{ours.Id}");
        var form = confirm.FormWithButton("Revoke key");
        form.Action = $"/Manage/ApiKeys/Revoke/{theirs.Id}";

        using var page = await manager.GetAsync($"/Manage/ApiKeys/Revoke/{theirs.Id}");
        using var posted = await manager.SubmitAsync(form);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (page.StatusCode, posted.StatusCode));
        await using var db = world.CreateContext();
        Assert.False(await db.ApiKeys.AnyAsync(k => k.RevokedAtUtc != null));
    }

    [Fact]
    public async Task Page_ForATherapist_IsDenied()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var therapist = await world.SignedInAsync(world.TherapistA1);

        using var response = await therapist.GetAsync("/Manage/ApiKeys");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static async Task<(string Secret, ApiKey Key)> AddKeyAsync(DashboardWorld world, Guid organisationId, string name, DateTime? lastUsed = null)
    {
        var (secret, key) = ApiWorld.NewKey(organisationId, name, DashboardWorld.Now.UtcDateTime);
        key.LastUsedAtUtc = lastUsed;
        await using var db = world.CreateContext();
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync();
        return (secret, key);
    }
}
