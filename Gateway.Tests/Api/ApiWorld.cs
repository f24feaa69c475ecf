using System.Net.Http.Headers;
using Buddy.Domain.ApiKeys;
using Buddy.Domain.Diary;
using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Staff;
using Buddy.Gateway.ApiKeys;
using Buddy.Gateway.Data;
using Buddy.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Buddy.Tests.Api;

/// <summary>
/// Two organisations, each with a therapist, a service user with a schedule, diary entries and an open alert,
/// and an API key; organisation A also has a revoked key.
/// </summary>
public sealed class ApiWorld : IAsyncDisposable
{
    /// <summary>Wednesday 25 November 2026, 12:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private ApiWorld(GatewayFactory factory) => Factory = factory;

    public GatewayFactory Factory { get; }
    // Engagement alerts off: the hourly scan runs on the test clock at start-up, and the seeded diary (moods 1, 2, 3 on
    // the last three days) would rightly raise a low-mood alert the API tests do not expect in their lists and audits.
    public Organisation OrgA { get; } = new() { Name = "Northshire Talking Therapies", CreatedAtUtc = Now.UtcDateTime, LowMoodStreak = 0, NoReplyDays = 0 };
    public Organisation OrgB { get; } = new() { Name = "Southby Council Wellbeing", CreatedAtUtc = Now.UtcDateTime, LowMoodStreak = 0, NoReplyDays = 0 };
    public StaffMember TherapistA { get; private set; } = null!;
    public StaffMember TherapistB { get; private set; } = null!;
    public ServiceUser Jo { get; private set; } = null!;
    public ServiceUser Bo { get; private set; } = null!;
    public Alert JoAlert { get; private set; } = null!;
    public Alert BoAlert { get; private set; } = null!;
    public string KeyA { get; private set; } = "";
    public string KeyB { get; private set; } = "";
    public string RevokedKeyA { get; private set; } = "";
    public ApiKey KeyARow { get; private set; } = null!;

    public static async Task<ApiWorld> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var world = new ApiWorld(new GatewayFactory(database, new FakeTimeProvider(Now)));
        await world.SeedAsync();
        return world;
    }

    public BuddyDbContext CreateContext() => Factory.Database.CreateContext();

    /// <summary>A client that sends <paramref name="key"/> as a bearer token (or no key at all when null).</summary>
    public HttpClient Client(string? key) => Client(Factory, key);

    /// <summary>A client of <paramref name="factory"/> that sends <paramref name="key"/> as a bearer token (none when null).</summary>
    public static HttpClient Client(GatewayFactory factory, string? key)
    {
        var client = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Factory.Database.DisposeAsync();
    }

    private async Task SeedAsync()
    {
        var now = Now.UtcDateTime;
        TherapistA = new StaffMember { OrganisationId = OrgA.Id, DisplayName = "Alex Therapist", Email = "alex@northshire.example", Role = StaffRole.Therapist, CreatedAtUtc = now };
        TherapistB = new StaffMember { OrganisationId = OrgB.Id, DisplayName = "Billie Therapist", Email = "billie@southby.example", Role = StaffRole.Therapist, CreatedAtUtc = now };
        Jo = new ServiceUser { OrganisationId = OrgA.Id, TherapistId = TherapistA.Id, DisplayName = "Jo Bloggs", PhoneE164 = "+447700900001", CreatedAtUtc = now, UpdatedAtUtc = now };
        Bo = new ServiceUser { OrganisationId = OrgB.Id, TherapistId = TherapistB.Id, DisplayName = "Bo Brown", PhoneE164 = "+447700900003", CreatedAtUtc = now, UpdatedAtUtc = now };
        JoAlert = new Alert { OrganisationId = OrgA.Id, ServiceUserId = Jo.Id, Kind = AlertKind.Safeguarding, Severity = RiskLevel.High, Summary = "Reply mentions self-harm", CreatedAtUtc = now.AddHours(-2) };
        BoAlert = new Alert { OrganisationId = OrgB.Id, ServiceUserId = Bo.Id, Kind = AlertKind.NoReply, Severity = RiskLevel.Review, Summary = "No reply for 4 days", CreatedAtUtc = now.AddHours(-1) };

        await using var db = CreateContext();
        db.AddRange(OrgA, OrgB, TherapistA, TherapistB, Jo, Bo, JoAlert, BoAlert);
        foreach (var person in new[] { Jo, Bo })
        {
            db.Add(new CheckInSchedule { OrganisationId = person.OrganisationId, ServiceUserId = person.Id, LocalTime = new(19, 0), UpdatedAtUtc = now });
            for (var day = 1; day <= 40; day++)
            {
                var date = new DateOnly(2026, 11, 25).AddDays(-day);
                db.Add(new DiaryEntry
                {
                    OrganisationId = person.OrganisationId, ServiceUserId = person.Id, LocalDate = date, MoodScore = day % 10,
                    MoodScale = MoodScale.ZeroToTen, EventText = $"day {day}", Tags = ["college"], CreatedAtUtc = now.AddDays(-day), UpdatedAtUtc = now.AddDays(-day),
                });
            }
        }

        (KeyA, KeyARow) = Key(OrgA, "Records system", revoked: false);
        (KeyB, _) = Key(OrgB, "Southby integration", revoked: false);
        (RevokedKeyA, _) = Key(OrgA, "Old integration", revoked: true);
        await db.SaveChangesAsync();

        (string, ApiKey) Key(Organisation org, string name, bool revoked)
        {
            var (key, row) = NewKey(org.Id, name, now, revoked);
            db.Add(row);
            return (key, row);
        }
    }

    /// <summary>A new API key for an organisation (not saved): the secret to send and its stored row.</summary>
    public static (string Key, ApiKey Row) NewKey(Guid organisationId, string name, DateTime now, bool revoked = false)
    {
        var secret = ApiKeySecret.Generate();
        return (secret.Key, new ApiKey
        {
            OrganisationId = organisationId, Name = name, Prefix = secret.Prefix, Hash = secret.Hash, CreatedAtUtc = now.AddDays(-10),
            RevokedAtUtc = revoked ? now.AddDays(-1) : null,
        });
    }
}
