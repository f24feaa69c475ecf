using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buddy.Domain.Audit;
using Buddy.Gateway.ApiKeys;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Api;

/// <summary>
/// /api/v1/api-keys (finding 4 of issue 13): an organisation's key lists the organisation's keys (never a secret)
/// and revokes one, after which that key is refused at once; last use is recorded at most once a minute.
/// </summary>
public sealed class ApiKeysApiTests
{
    [Fact]
    public async Task List_ShowsTheOrganisationsKeys_AndNoSecretOrAnotherOrganisationsKey()
    {
        await using var world = await ApiWorld.CreateAsync();

        var body = await world.Client(world.KeyA).GetStringAsync("/api/v1/api-keys/");

        var keys = JsonDocument.Parse(body).RootElement.EnumerateArray().ToList();
        Assert.Equal(["Records system", "Old integration"], keys.Select(k => k.GetProperty("name").GetString()));
        Assert.True(keys[0].GetProperty("isCurrent").GetBoolean());
        Assert.Equal(JsonValueKind.Null, keys[0].GetProperty("revokedAtUtc").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, keys[1].GetProperty("revokedAtUtc").ValueKind);
        Assert.DoesNotContain("Southby integration", body, StringComparison.Ordinal);
        Assert.DoesNotContain(world.KeyA, body, StringComparison.Ordinal);
        Assert.DoesNotContain(world.KeyARow.Hash, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_AnotherKeyOfTheOrganisation_IsRefusedAtOnceAndAudited()
    {
        await using var world = await ApiWorld.CreateAsync();
        var (second, row) = ApiWorld.NewKey(world.OrgA.Id, "Reporting", ApiWorld.Now.UtcDateTime);
        await using (var db = world.CreateContext())
        {
            db.ApiKeys.Add(row);
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await world.Client(second).GetAsync("/api/v1/therapists")).StatusCode);

        using var revoked = await world.Client(world.KeyA).PostAsync($"/api/v1/api-keys/{row.Id}/revoke", null);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revokedAtUtc").ValueKind);
        Assert.Equal(HttpStatusCode.Unauthorized, (await world.Client(second).GetAsync("/api/v1/therapists")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Client(world.KeyA).GetAsync("/api/v1/therapists")).StatusCode);
        await using var check = world.CreateContext();
        var audit = await check.AuditEvents.SingleAsync(a => a.Action == "api-key.revoked");
        Assert.Equal((AuditActorType.ApiKey, (Guid?)world.KeyARow.Id, row.Id.ToString()), (audit.ActorType, audit.ActorId, audit.EntityId));
    }

    [Fact]
    public async Task Revoke_ItsOwnKey_EndsItsOwnAccess()
    {
        await using var world = await ApiWorld.CreateAsync();

        using var revoked = await world.Client(world.KeyA).PostAsync($"/api/v1/api-keys/{world.KeyARow.Id}/revoke", null);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await world.Client(world.KeyA).GetAsync("/api/v1/api-keys/")).StatusCode);
    }

    [Fact]
    public async Task LastUsed_IsRecordedAtMostOnceAMinute()
    {
        await using var world = await ApiWorld.CreateAsync();
        var client = world.Client(world.KeyA);
        var start = ApiWorld.Now.UtcDateTime;

        await client.GetAsync("/api/v1/therapists");
        Assert.Equal(start, await LastUsedAsync(world));

        world.Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        await client.GetAsync("/api/v1/therapists");
        Assert.Equal(start, await LastUsedAsync(world)); // no write for every request

        world.Factory.Clock.Advance(TimeSpan.FromSeconds(31));
        await client.GetAsync("/api/v1/therapists");
        Assert.Equal(start.AddSeconds(61), await LastUsedAsync(world));
        Assert.Equal(TimeSpan.FromMinutes(1), ApiKeyAuthenticationHandler.LastUsedResolution);
    }

    [Fact]
    public async Task OpenApi_DescribesTheKeyRoutes()
    {
        await using var world = await ApiWorld.CreateAsync();

        var document = await world.Client(null).GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().ToDictionary(p => p.Name.TrimEnd('/'), p => p.Value);
        Assert.True(paths["/api/v1/api-keys"].TryGetProperty("get", out _), string.Join(", ", paths.Keys));
        var revoke = paths["/api/v1/api-keys/{id}/revoke"].GetProperty("post");
        Assert.Contains("(this one included)", revoke.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(revoke.GetProperty("responses").TryGetProperty("404", out _));
    }

    private static async Task<DateTime?> LastUsedAsync(ApiWorld world)
    {
        await using var db = world.CreateContext();
        return (await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == world.KeyARow.Id)).LastUsedAtUtc;
    }
}
