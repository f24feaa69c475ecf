using Buddy.Domain.CheckIns;
using Buddy.Domain.Diary;
using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sessions;
using Buddy.Domain.Sms;
using Buddy.Domain.Staff;
using Buddy.Domain.Time;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Demo;

/// <summary>
/// Demo data for trying Buddy without real people: one organisation, two therapists, a manager, and a dozen
/// service users with 60 days of varied diary entries, sessions and an open safeguarding alert. Phone numbers
/// are in Ofcom's drama range (07700 900xxx), which is never allocated to a real line.
/// </summary>
public sealed class DemoSeeder(BuddyDbContext db, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public const string OrganisationName = "Riverside Wellbeing Service";
    public const string ZoneId = "Europe/London";
    public const string TherapistEmail = "priya.shah@riverside.example";
    public const string ManagerEmail = "helen.brooks@riverside.example";

    /// <summary>The service user whose check-in is re-armed for a minute after start-up, so the simulator shows one at once.</summary>
    public const string DemoNowPhone = "+447700900101";

    private static readonly string[] s_names =
    [
        "Sam Taylor", "Jordan Reid", "Aisha Khan", "Liam Walsh", "Chloe Evans", "Mohammed Ali",
        "Ellie Hughes", "Kai Thompson", "Grace Lewis", "Tyler Morgan", "Zara Ahmed", "Ben Carter",
    ];

    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Organisations.AnyAsync(o => o.Name == OrganisationName, cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = LocalTimes.LocalDate(now, ZoneId);
        var random = new Random(20261125);

        var organisation = new Organisation { Name = OrganisationName, TimeZoneId = ZoneId, CreatedAtUtc = now, DutyContactName = "Duty desk" };
        db.Organisations.Add(organisation);
        var therapists = new[]
        {
            Staff(organisation, "Priya Shah", TherapistEmail, StaffRole.Therapist, now),
            Staff(organisation, "Tom Okafor", "tom.okafor@riverside.example", StaffRole.Therapist, now),
        };
        db.StaffMembers.AddRange(therapists);
        db.StaffMembers.Add(Staff(organisation, "Helen Brooks", ManagerEmail, StaffRole.ServiceManager, now));

        for (var i = 0; i < s_names.Length; i++)
        {
            var therapist = therapists[i % therapists.Length];
            var person = new ServiceUser
            {
                OrganisationId = organisation.Id,
                DisplayName = s_names[i],
                PhoneE164 = $"+4477009001{i + 1:00}",
                TherapistId = therapist.Id,
                TimeZoneId = ZoneId,
                CreatedAtUtc = now.AddDays(-70),
                UpdatedAtUtc = now,
            };
            db.ServiceUsers.Add(person);
            db.CheckInSchedules.Add(new CheckInSchedule
            {
                OrganisationId = organisation.Id,
                ServiceUserId = person.Id,
                LocalTime = new TimeOnly(17 + (i % 4), i % 2 == 0 ? 0 : 30),
                ReminderAfterMinutes = i % 3 == 0 ? 90 : null,
                UpdatedAtUtc = now,
            });
            AddHistory(organisation, person, therapist, today, now, random, i);
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded demo organisation {Organisation} with {Count} service users", OrganisationName, s_names.Length);
        return true;
    }

    /// <summary>Moves the demo user's check-in to the next minute, so a newcomer sees a text arrive straight away.</summary>
    public async Task ArmDemoCheckInAsync(CancellationToken cancellationToken)
    {
        var person = await db.ServiceUsers.SingleOrDefaultAsync(s => s.PhoneE164 == DemoNowPhone, cancellationToken);
        var schedule = person is null ? null : await db.CheckInSchedules.SingleOrDefaultAsync(s => s.ServiceUserId == person.Id, cancellationToken);
        if (person is null || schedule is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var local = LocalTimes.ToLocal(now, person.TimeZoneId);
        schedule.LocalTime = new TimeOnly(local.Hour, local.Minute).AddMinutes(1);

        // The demo user has no quiet hours, so the check-in arrives even when the demo is run late at night.
        schedule.QuietHoursStart = TimeOnly.MinValue;
        schedule.QuietHoursEnd = TimeOnly.MinValue;
        schedule.NextDueAtUtc = null;
        schedule.UpdatedAtUtc = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static StaffMember Staff(Organisation organisation, string name, string email, StaffRole role, DateTime now) =>
        new() { OrganisationId = organisation.Id, DisplayName = name, Email = email, Role = role, CreatedAtUtc = now };

    private void AddHistory(Organisation organisation, ServiceUser person, StaffMember therapist, DateOnly today, DateTime now, Random random, int index)
    {
        // Each person has their own baseline and drift, so the caseload shows improving, steady and declining trends.
        var baseline = 4.0 + (index % 5);
        var drift = (index % 3 - 1) * 0.03;
        var replyChance = 0.6 + (index % 4) * 0.1;
        for (var daysAgo = 60; daysAgo >= 1; daysAgo--)
        {
            var date = today.AddDays(-daysAgo);
            var dueUtc = LocalTimes.ToUtc(date, new TimeOnly(19, 0), person.TimeZoneId);
            var outbound = new OutboundMessage
            {
                OrganisationId = organisation.Id,
                ServiceUserId = person.Id,
                ToPhone = person.PhoneE164!,
                Body = $"Hi {person.GreetingName}, how was today? Reply with a mood 0-10 and what you did.",
                Kind = OutboundKind.CheckIn,
                DedupeKey = $"checkin:{person.Id}:{date:yyyy-MM-dd}",
                Status = OutboundStatus.Delivered,
                ProviderMessageId = $"SMdemo{Guid.NewGuid():N}",
                Attempts = 1,
                NotBeforeUtc = dueUtc,
                CreatedAtUtc = dueUtc,
                SentAtUtc = dueUtc,
                StatusUpdatedAtUtc = dueUtc.AddSeconds(5),
            };
            var checkIn = new CheckIn
            {
                OrganisationId = organisation.Id,
                ServiceUserId = person.Id,
                LocalDate = date,
                DueAtUtc = dueUtc,
                SentAtUtc = dueUtc,
                OutboundMessageId = outbound.Id,
                Status = CheckInStatus.Unanswered,
            };
            db.OutboundMessages.Add(outbound);
            db.CheckIns.Add(checkIn);
            if (random.NextDouble() > replyChance)
            {
                continue;
            }

            var mood = Math.Clamp(Math.Round(baseline + drift * (60 - daysAgo) + random.NextDouble() * 3 - 1.5), 0, 10);
            var pool = mood >= 7 ? DemoReplies.Good : mood >= 4 ? DemoReplies.Middling : DemoReplies.Low;
            var (text, tags) = pool[random.Next(pool.Length)];
            var repliedAt = dueUtc.AddMinutes(5 + random.Next(120));
            var risk = RiskLevel.None;
            var body = random.Next(3) == 0 ? $"{text} {mood}" : $"{mood} {text}";
            if (index == 2 && daysAgo == 1)
            {
                body = "2 honestly dont see the point anymore, want to hurt myself";
                risk = RiskLevel.High;
                mood = 2;
                tags = [];
            }

            var entry = new DiaryEntry
            {
                OrganisationId = organisation.Id,
                ServiceUserId = person.Id,
                LocalDate = date,
                CheckInId = checkIn.Id,
                MoodScore = mood,
                MoodScale = organisation.MoodScale,
                EventText = risk == RiskLevel.High ? body[2..] : text,
                Tags = [.. tags],
                RiskLevel = risk,
                RiskSubjects = risk == RiskLevel.High ? [RiskSubject.Sender] : [],
                CreatedAtUtc = repliedAt,
                UpdatedAtUtc = repliedAt,
            };
            db.DiaryEntries.Add(entry);
            db.InboundMessages.Add(new InboundMessage
            {
                ProviderMessageId = $"SMdemoin{Guid.NewGuid():N}",
                OrganisationId = organisation.Id,
                ServiceUserId = person.Id,
                FromPhone = person.PhoneE164!,
                ToPhone = "+447700900000",
                Body = body,
                ReceivedAtUtc = repliedAt,
                State = InboundState.Processed,
                ProcessedAtUtc = repliedAt,
                DiaryEntryId = entry.Id,
                Outcome = "diary",
            });
            checkIn.Status = CheckInStatus.Answered;
            checkIn.AnsweredAtUtc = repliedAt;

            if (risk == RiskLevel.High)
            {
                var alert = new Alert
                {
                    OrganisationId = organisation.Id,
                    ServiceUserId = person.Id,
                    Kind = AlertKind.Safeguarding,
                    Severity = RiskLevel.High,
                    Subjects = [RiskSubject.Sender],
                    Summary = "Urgent: reply mentions wanting to hurt themselves",
                    MatchedPhrases = "dont see the point; hurt myself",
                    DiaryEntryId = entry.Id,
                    CreatedAtUtc = repliedAt,
                    StaffNotifiedAtUtc = repliedAt,
                };
                db.Alerts.Add(alert);
                db.AlertReplies.Add(new AlertReply
                {
                    AlertId = alert.Id,
                    OrganisationId = organisation.Id,
                    ServiceUserId = person.Id,
                    Level = RiskLevel.High,
                    Subject = RiskSubject.Sender,
                    Summary = "reply mentions wanting to hurt themselves",
                    MatchedPhrases = alert.MatchedPhrases,
                    ReceivedAtUtc = repliedAt,
                });
            }
        }

        // Fortnightly sessions: the last one a few days ago, the next one soon, so summaries have a natural period.
        for (var weeksAgo = 8; weeksAgo >= 0; weeksAgo -= 2)
        {
            var date = today.AddDays(-(weeksAgo * 7) - 3 - (index % 4));
            db.TherapySessions.Add(new TherapySession
            {
                OrganisationId = organisation.Id,
                ServiceUserId = person.Id,
                TherapistId = therapist.Id,
                StartsAtUtc = LocalTimes.ToUtc(date, new TimeOnly(10 + index % 6, 0), person.TimeZoneId),
                Location = index % 2 == 0 ? "Riverside Centre, room 2" : "video",
                Status = SessionStatus.Attended,
                CreatedAtUtc = now.AddDays(-70),
            });
        }

        db.TherapySessions.Add(new TherapySession
        {
            OrganisationId = organisation.Id,
            ServiceUserId = person.Id,
            TherapistId = therapist.Id,
            StartsAtUtc = LocalTimes.ToUtc(today.AddDays(1 + index % 7), new TimeOnly(10 + index % 6, 0), person.TimeZoneId),
            Location = index % 2 == 0 ? "Riverside Centre, room 2" : "video",
            CreatedAtUtc = now,
        });
    }
}
