using Buddy.Domain.CheckIns;
using Buddy.Domain.Diary;
using Buddy.Domain.Goals;
using Buddy.Domain.Organisations;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sessions;
using Buddy.Domain.Sms;
using Buddy.Domain.Staff;
using Buddy.Gateway.Data;
using Buddy.Gateway.Identity;
using Buddy.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Buddy.Tests.Dashboard;

/// <summary>
/// Two organisations for the dashboard tests. Organisation A has two therapists and a manager; Jo (therapist A1's
/// client) has three weeks of diary, check-ins, raw replies, a past and a next session (with agenda notes) and an
/// open safeguarding alert, a goal with replies, three PHQ-9 scores (the latest with item 9 above 0) and a GAD-7
/// half done. Sam belongs to therapist A2; Bo to organisation B.
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

    /// <param name="sessionCycle">Seed Jo's goals and questionnaires; the cycle page's own tests start without them.</param>
    /// <param name="environment">The host environment (default: Development on Kestrel, Testing in memory); Development shows what only developers get (the API reference).</param>
    public static async Task<DashboardWorld> CreateAsync(
        DatabaseProvider provider = DatabaseProvider.Sqlite, bool kestrel = false, bool sessionCycle = true, string? environment = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var world = new DashboardWorld(new GatewayFactory(database, new FakeTimeProvider(Now), kestrel, environment));
        await world.SeedAsync(sessionCycle);
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

    private async Task SeedAsync(bool sessionCycle)
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
            db.Add(new TherapySession
            {
                OrganisationId = OrgA.Id, ServiceUserId = Jo.Id, TherapistId = TherapistA1.Id, StartsAtUtc = now.AddDays(1), Status = SessionStatus.Scheduled,
                AgendaNotes = "Talk about college and sleep", ReminderSentAtUtc = now.AddHours(-2), CreatedAtUtc = now.AddDays(-14),
            });
            if (sessionCycle)
            {
                AddSessionCycle(db, now);
            }

            SamAlert = new Alert { OrganisationId = OrgA.Id, ServiceUserId = Sam.Id, Kind = AlertKind.NoReply, Severity = RiskLevel.Review, Summary = "No reply for 4 days", CreatedAtUtc = now.AddDays(-1) };
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

    /// <summary>
    /// Jo's goal (replies: done 1 Nov, before the period; done 10 and 12, not done 14, part done 16 Nov), an archived
    /// goal without replies (not shown), PHQ-9 16 (22 Oct), 12 (6 Nov) and 9 with item 9 above 0 (17 Nov), and a
    /// GAD-7 sent on 18 Nov with 3 of 7 answered.
    /// </summary>
    private void AddSessionCycle(BuddyDbContext db, DateTime now)
    {
        var goal = new Goal { OrganisationId = OrgA.Id, ServiceUserId = Jo.Id, Text = "walk to the shop twice this week", CreatedAtUtc = now.AddDays(-30), UpdatedAtUtc = now.AddDays(-30) };
        var archived = new Goal { OrganisationId = OrgA.Id, ServiceUserId = Jo.Id, Text = "old goal", Status = GoalStatus.Archived, CreatedAtUtc = now.AddDays(-40), UpdatedAtUtc = now.AddDays(-40) };
        db.AddRange(goal, archived);
        foreach (var (day, outcome, words) in new[]
        {
            (1, GoalOutcome.Done, "done"), (10, GoalOutcome.Done, "yes did it"), (12, GoalOutcome.Done, "done"),
            (14, GoalOutcome.NotDone, "not today"), (16, GoalOutcome.Partial, "sort of, got halfway"),
        })
        {
            db.Add(new GoalProgress
            {
                OrganisationId = OrgA.Id, ServiceUserId = Jo.Id, GoalId = goal.Id, LocalDate = new DateOnly(2026, 11, day), Outcome = outcome, ReplyText = words,
                RecordedAtUtc = new DateTime(2026, 11, day, 18, 30, 0, DateTimeKind.Utc),
            });
        }

        foreach (var (completed, total, severity, risk) in new[]
        {
            (new DateTime(2026, 10, 22, 12, 20, 0, DateTimeKind.Utc), 16, Severity.ModeratelySevere, false),
            (new DateTime(2026, 11, 6, 12, 20, 0, DateTimeKind.Utc), 12, Severity.Moderate, false),
            (new DateTime(2026, 11, 17, 12, 20, 0, DateTimeKind.Utc), 9, Severity.Mild, true),
        })
        {
            db.Add(new QuestionnaireRun
            {
                OrganisationId = OrgA.Id, ServiceUserId = Jo.Id, Kind = QuestionnaireKind.Phq9, Status = QuestionnaireStatus.Completed, Source = QuestionnaireSource.Scheduled,
                StartedAtUtc = completed.AddMinutes(-20), LastPromptAtUtc = completed, ExpiresAtUtc = completed.AddDays(2), CompletedAtUtc = completed,
                TotalScore = total, Severity = severity, RiskFlagged = risk, CurrentItem = 9,
            });
        }

        var gad7 = new QuestionnaireRun
        {
            OrganisationId = OrgA.Id, ServiceUserId = Jo.Id, Kind = QuestionnaireKind.Gad7, Source = QuestionnaireSource.OnDemand,
            StartedAtUtc = new DateTime(2026, 11, 18, 12, 0, 0, DateTimeKind.Utc), LastPromptAtUtc = new DateTime(2026, 11, 18, 12, 5, 0, DateTimeKind.Utc),
            ExpiresAtUtc = new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc), CurrentItem = 4,
        };
        db.Add(gad7);
        for (var item = 1; item <= 3; item++)
        {
            db.Add(new QuestionnaireAnswer { OrganisationId = OrgA.Id, ServiceUserId = Jo.Id, RunId = gad7.Id, ItemNumber = item, Score = 1, AnsweredAtUtc = gad7.StartedAtUtc.AddMinutes(item) });
        }
    }

    /// <summary>
    /// Jo's open alert as a joined one: its own reply, an urgent reply from someone else saying someone reads the phone,
    /// and a Review reply an hour ago.
    /// </summary>
    public async Task JoinRepliesToJosAlertAsync()
    {
        await using var db = CreateContext();
        var alert = await db.Alerts.SingleAsync(a => a.Id == JoAlert.Id);
        alert.Caution = ContactCaution.PhoneMayBeRead;
        alert.Subjects = [RiskSubject.SenderFromOthers, RiskSubject.Sender];
        alert.LatestReplyAtUtc = Now.UtcDateTime.AddHours(-1);
        alert.Summary = "Urgent: reply mentions feeling awful; reply mentions control";
        db.AlertReplies.AddRange(
            JoReply(alert, RiskLevel.High, RiskSubject.Sender, ContactCaution.None, "reply mentions feeling awful", alert.CreatedAtUtc),
            JoReply(alert, RiskLevel.High, RiskSubject.SenderFromOthers, ContactCaution.PhoneMayBeRead, "reply mentions control", Now.UtcDateTime.AddHours(-2)),
            JoReply(alert, RiskLevel.Review, RiskSubject.Sender, ContactCaution.None, "reply mentions not sleeping", Now.UtcDateTime.AddHours(-1)));
        await db.SaveChangesAsync();
    }

    private static AlertReply JoReply(Alert alert, RiskLevel level, RiskSubject subject, ContactCaution caution, string summary, DateTime at) => new()
    {
        AlertId = alert.Id, OrganisationId = alert.OrganisationId, ServiceUserId = alert.ServiceUserId, Level = level, Subject = subject, Caution = caution,
        Summary = summary, MatchedPhrases = summary.Replace("reply mentions ", "", StringComparison.Ordinal), ReceivedAtUtc = at,
    };

    private static StaffMember Staff(Organisation org, string name, string email, StaffRole role) =>
        new() { OrganisationId = org.Id, DisplayName = name, Email = email, Role = role, CreatedAtUtc = Now.UtcDateTime };

    private static ServiceUser Person(Organisation org, StaffMember therapist, string name, string phone) =>
        new()
        {
            OrganisationId = org.Id, TherapistId = therapist.Id, DisplayName = name, PhoneE164 = phone,
            CreatedAtUtc = Now.UtcDateTime.AddDays(-60), UpdatedAtUtc = Now.UtcDateTime.AddDays(-60),
        };
}
