using Buddy.Domain.CheckIns;
using Buddy.Domain.Diary;
using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sessions;
using Buddy.Domain.Sms;
using Buddy.Domain.Staff;
using Buddy.Gateway.Data;
using Buddy.Gateway.Identity;
using Buddy.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Buddy.Tests.Dashboard;

/// <summary>
/// Two organisations for the dashboard tests. Organisation A has two therapists and a manager; Jo (therapist A1's
/// client) has three weeks of diary, check-ins, raw replies, a past and a next session and an open safeguarding
/// alert. Sam belongs to therapist A2; Bo to organisation B.
/// </summary>
public sealed class DashboardWorld : IAsyncDisposable
{
    public const string Password = "Correct-Horse-42!";

    /// <summary>Thursday 19 November 2026, 12:00 UTC (= 12:00 in London).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 19, 12, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 11, 19);

    private DashboardWorld(GatewayFactory factory) => Factory = factory;

    public GatewayFactory Factory { get; }

    public Organisation OrgA { get; } = new() { Name = "Northshire Talking Therapies", CreatedAtUtc = Now.UtcDateTime };
    public Organisation OrgB { get; } = new() { Name = "Southby Council Wellbeing", CreatedAtUtc = Now.UtcDateTime };
    public StaffMember TherapistA1 { get; private set; } = null!;
    public StaffMember TherapistA2 { get; private set; } = null!;
    public StaffMember ManagerA { get; private set; } = null!;
    public StaffMember TherapistB { get; private set; } = null!;
    public ServiceUser Jo { get; private set; } = null!;
    public ServiceUser Sam { get; private set; } = null!;
    public ServiceUser Bo { get; private set; } = null!;
    public Alert JoAlert { get; private set; } = null!;
    public Alert SamAlert { get; private set; } = null!;
    public Alert BoAlert { get; private set; } = null!;

    public static async Task<DashboardWorld> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, bool kestrel = false)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var world = new DashboardWorld(new GatewayFactory(database, new FakeTimeProvider(Now), kestrel));
        await world.SeedAsync();
        return world;
    }

    public HttpClient CreateBrowser() => Factory.CreateBrowser();

    /// <summary>A client signed in as <paramref name="staff"/> through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInAsync(StaffMember staff)
    {
        var client = CreateBrowser();
        using var response = await SignInAsync(client, staff.Email, Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetDocumentAsync("/Account/SignIn");
        return await client.SubmitAsync(page.FormWithButton("Sign in"), new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

    public BuddyDbContext CreateContext() => Factory.Database.CreateContext();

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Factory.Database.DisposeAsync();
    }

    private async Task SeedAsync()
    {
        var now = Now.UtcDateTime;
        TherapistA1 = Staff(OrgA, "Alex Therapist", "alex@northshire.example", StaffRole.Therapist);
        TherapistA2 = Staff(OrgA, "Robin Therapist", "robin@northshire.example", StaffRole.Therapist);
        ManagerA = Staff(OrgA, "Morgan Manager", "morgan@northshire.example", StaffRole.ServiceManager);
        TherapistB = Staff(OrgB, "Billie Therapist", "billie@southby.example", StaffRole.Therapist);
        Jo = Person(OrgA, TherapistA1, "Jo Bloggs", "+447700900001");
        Sam = Person(OrgA, TherapistA2, "Sam Smith", "+447700900002");
        Bo = Person(OrgB, TherapistB, "Bo Brown", "+447700900003");

        await using (var db = CreateContext())
        {
            db.AddRange(OrgA, OrgB, TherapistA1, TherapistA2, ManagerA, TherapistB, Jo, Sam, Bo);

            // Jo: 21 days of check-ins; answered except three days; moods drift down.
            for (var day = 21; day >= 1; day--)
            {
                var date = Today.AddDays(-day);
                var due = date.ToDateTime(new TimeOnly(19, 0), DateTimeKind.Utc);
                var answered = day is not (5 or 9 or 10);
                var checkIn = new CheckIn
                {
                    OrganisationId = OrgA.Id, ServiceUserId = Jo.Id, LocalDate = date, DueAtUtc = due, SentAtUtc = due,
                    Status = answered ? CheckInStatus.Answered : CheckInStatus.Unanswered, AnsweredAtUtc = answered ? due.AddMinutes(30) : null,
                };
                db.Add(checkIn);
                if (!answered)
                {
                    continue;
                }

                var score = day > 14 ? 7 : day == 3 ? 2 : 5;
                var text = day == 3 ? "argued with mum, felt awful" : day == 12 ? "college and football" : "went to college";
                var entry = new DiaryEntry
                {
                    OrganisationId = OrgA.Id, ServiceUserId = Jo.Id, LocalDate = date, CheckInId = checkIn.Id, MoodScore = score,
                    MoodScale = MoodScale.ZeroToTen, EventText = text, Tags = day == 3 ? ["family"] : ["college"],
                    RiskLevel = day == 3 ? RiskLevel.High : RiskLevel.None, CreatedAtUtc = due.AddMinutes(30), UpdatedAtUtc = due.AddMinutes(30),
                };
                db.Add(entry);
                db.Add(new InboundMessage
                {
                    ProviderMessageId = $"SM{Guid.NewGuid():N}", OrganisationId = OrgA.Id, ServiceUserId = Jo.Id, FromPhone = Jo.PhoneE164!,
                    ToPhone = "+447700900999", Body = $"{score} {text}", ReceivedAtUtc = due.AddMinutes(30), State = InboundState.Processed,
                    DiaryEntryId = entry.Id,
                });
                if (day == 3)
                {
                    JoAlert = new Alert
                    {
                        OrganisationId = OrgA.Id, ServiceUserId = Jo.Id, Kind = AlertKind.Safeguarding, Severity = RiskLevel.High,
                        Summary = "Reply mentions feeling awful", DiaryEntryId = entry.Id, CreatedAtUtc = due.AddMinutes(31),
                    };
                    db.Add(JoAlert);
                }
            }

            db.Add(new TherapySession { OrganisationId = OrgA.Id, ServiceUserId = Jo.Id, TherapistId = TherapistA1.Id, StartsAtUtc = now.AddDays(-14), Status = SessionStatus.Attended, CreatedAtUtc = now.AddDays(-30) });
            db.Add(new TherapySession { OrganisationId = OrgA.Id, ServiceUserId = Jo.Id, TherapistId = TherapistA1.Id, StartsAtUtc = now.AddDays(1), Status = SessionStatus.Scheduled, CreatedAtUtc = now.AddDays(-14) });

            SamAlert = new Alert { OrganisationId = OrgA.Id, ServiceUserId = Sam.Id, Kind = AlertKind.NoReply, Severity = RiskLevel.Low, Summary = "No reply for 4 days", CreatedAtUtc = now.AddDays(-1) };
            BoAlert = new Alert { OrganisationId = OrgB.Id, ServiceUserId = Bo.Id, Kind = AlertKind.Safeguarding, Severity = RiskLevel.High, Summary = "Reply mentions self-harm", CreatedAtUtc = now.AddDays(-1) };
            db.AddRange(SamAlert, BoAlert);
            await db.SaveChangesAsync();
        }

        await using var scope = Factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        foreach (var staff in new[] { TherapistA1, TherapistA2, ManagerA, TherapistB })
        {
            var result = await accounts.CreateAsync(staff, Password);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private static StaffMember Staff(Organisation org, string name, string email, StaffRole role) =>
        new() { OrganisationId = org.Id, DisplayName = name, Email = email, Role = role, CreatedAtUtc = Now.UtcDateTime };

    private static ServiceUser Person(Organisation org, StaffMember therapist, string name, string phone) =>
        new()
        {
            OrganisationId = org.Id, TherapistId = therapist.Id, DisplayName = name, PhoneE164 = phone,
            CreatedAtUtc = Now.UtcDateTime.AddDays(-60), UpdatedAtUtc = Now.UtcDateTime.AddDays(-60),
        };
}
