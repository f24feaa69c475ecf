using Buddy.Domain.Audit;
using Buddy.Domain.CheckIns;
using Buddy.Domain.Conversations;
using Buddy.Domain.Diary;
using Buddy.Domain.Goals;
using Buddy.Domain.Organisations;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sessions;
using Buddy.Domain.Sms;
using Buddy.Domain.Staff;
using Buddy.Gateway.Data;

namespace Buddy.Tests.Privacy;

/// <summary>
/// A service user with one row of every kind Buddy holds about a person, each carrying text unique to them
/// (<see cref="Secrets"/>), so a test can search the whole database for what must or must not remain.
/// </summary>
internal sealed class SeededPerson
{
    public required ServiceUser ServiceUser { get; init; }

    public required string Phone { get; init; }

    /// <summary>Every identifying string in rows keyed to them: name, number, reference, each body and note.</summary>
    public required IReadOnlyList<string> Secrets { get; init; }

    /// <summary>Identifying text about them in rows not keyed to them (a staff alert text naming them).</summary>
    public required string StaffTextAboutThem { get; init; }

    public IEnumerable<string> AllSecrets => Secrets.Append(StaffTextAboutThem);

    /// <summary>The kinds of row seeded, so a test notices a new personal-data table nobody seeded.</summary>
    public static IReadOnlySet<Type> SeededKinds { get; } = new HashSet<Type>
    {
        typeof(CheckInSchedule), typeof(CheckIn), typeof(OutboundMessage), typeof(InboundMessage), typeof(DiaryEntry),
        typeof(Alert), typeof(AlertReply), typeof(TherapySession), typeof(AuditEvent), typeof(Goal), typeof(GoalProgress), typeof(QuestionnaireSchedule),
        typeof(QuestionnaireRun), typeof(QuestionnaireAnswer), typeof(Conversation),
    };

    public static async Task<Organisation> AddOrganisationAsync(BuddyDbContext db, string name)
    {
        var organisation = new Organisation { Name = name, CreatedAtUtc = DateTime.UtcNow };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    }

    /// <param name="tag">Makes every string unique to this person, e.g. "Alpha".</param>
    public static async Task<SeededPerson> AddAsync(BuddyDbContext db, Organisation organisation, string tag, string phone, DateTime nowUtc)
    {
        var therapist = new StaffMember { OrganisationId = organisation.Id, DisplayName = $"Therapist of {tag}", Email = $"{tag}@example.nhs.uk".ToLowerInvariant(), Role = StaffRole.Therapist, CreatedAtUtc = nowUtc };
        var person = new ServiceUser
        {
            OrganisationId = organisation.Id,
            DisplayName = $"{tag} Quimby",
            FirstName = tag,
            PhoneE164 = phone,
            TherapistId = therapist.Id,
            ExternalReference = $"NHS-{tag}-0001",
            CreatedAtUtc = nowUtc.AddDays(-30),
            UpdatedAtUtc = nowUtc.AddDays(-30),
        };
        var outbound = new OutboundMessage
        {
            OrganisationId = organisation.Id, ServiceUserId = person.Id, ToPhone = phone, Body = $"Hi {tag}, how was today? ref out-{tag}",
            Kind = OutboundKind.CheckIn, Status = OutboundStatus.Delivered, DedupeKey = $"checkin:{person.Id}:2026-03-01",
            ErrorMessage = $"The 'To' number {phone} was slow", NotBeforeUtc = nowUtc.AddDays(-2), CreatedAtUtc = nowUtc.AddDays(-2),
        };
        var checkIn = new CheckIn { OrganisationId = organisation.Id, ServiceUserId = person.Id, LocalDate = new DateOnly(2026, 3, 1), DueAtUtc = nowUtc.AddDays(-2), OutboundMessageId = outbound.Id, Status = CheckInStatus.Answered };
        var diary = new DiaryEntry
        {
            OrganisationId = organisation.Id, ServiceUserId = person.Id, LocalDate = new DateOnly(2026, 3, 1), CheckInId = checkIn.Id, MoodScore = 6,
            MoodNote = $"six-ish from {tag}", EventText = $"went to college diary-{tag}", Tags = ["college"], RiskLevel = RiskLevel.High,
            CreatedAtUtc = nowUtc.AddDays(-2), UpdatedAtUtc = nowUtc.AddDays(-2),
        };
        var inbound = new InboundMessage
        {
            ProviderMessageId = $"SM{Guid.NewGuid():N}", OrganisationId = organisation.Id, ServiceUserId = person.Id, FromPhone = phone, ToPhone = "+447700900001",
            Body = $"6 went to college, feel hopeless in-{tag}", ReceivedAtUtc = nowUtc.AddDays(-2), State = InboundState.Processed, DiaryEntryId = diary.Id,
        };
        var earlyText = new InboundMessage
        {
            ProviderMessageId = $"SM{Guid.NewGuid():N}", FromPhone = phone, ToPhone = "+447700900001", Body = $"is this buddy? early-{tag}",
            ReceivedAtUtc = nowUtc.AddDays(-31), State = InboundState.Unmatched,
        };
        var alert = new Alert
        {
            OrganisationId = organisation.Id, ServiceUserId = person.Id, Kind = AlertKind.Safeguarding, Severity = RiskLevel.High,
            Summary = $"Reply mentions hopelessness alert-{tag}", MatchedPhrases = $"hopeless-{tag}", InboundMessageId = inbound.Id, DiaryEntryId = diary.Id,
            CreatedAtUtc = nowUtc.AddDays(-2), AcknowledgedAtUtc = nowUtc.AddDays(-1), AcknowledgedByStaffId = therapist.Id, AcknowledgementNote = $"Called {tag}, safe",
        };
        var staffText = new OutboundMessage
        {
            OrganisationId = organisation.Id, ToPhone = "+447700900999", Body = $"Buddy alert: {tag} Quimby needs a call today",
            Kind = OutboundKind.SafeguardingAlert, Status = OutboundStatus.Sent, NotBeforeUtc = nowUtc.AddDays(-2), CreatedAtUtc = nowUtc.AddDays(-2),
        };
        db.StaffMembers.Add(therapist);
        db.ServiceUsers.Add(person);
        db.CheckInSchedules.Add(new CheckInSchedule { OrganisationId = organisation.Id, ServiceUserId = person.Id, ReminderAfterMinutes = 60, NextDueAtUtc = nowUtc.AddHours(3), UpdatedAtUtc = nowUtc });
        var alertReply = new AlertReply
        {
            AlertId = alert.Id, OrganisationId = organisation.Id, ServiceUserId = person.Id, InboundMessageId = inbound.Id, Level = RiskLevel.High,
            Subject = RiskSubject.SenderFromOthers, Caution = ContactCaution.PhoneMayBeRead, Concepts = ["coercive-control"],
            Summary = $"reply mentions control alert-reply-{tag}", MatchedPhrases = $"checks my phone-{tag}", ReceivedAtUtc = nowUtc.AddDays(-2),
        };
        db.AddRange(outbound, checkIn, diary, inbound, earlyText, alert, alertReply, staffText);
        db.TherapySessions.Add(new TherapySession
        {
            OrganisationId = organisation.Id, ServiceUserId = person.Id, TherapistId = therapist.Id, StartsAtUtc = nowUtc.AddDays(3),
            Location = $"12 Acacia Road {tag}", AgendaNotes = $"talk about mum agenda-{tag}", CreatedAtUtc = nowUtc.AddDays(-5),
        });
        db.AuditEvents.Add(new AuditEvent
        {
            OrganisationId = organisation.Id, ActorType = AuditActorType.Staff, ActorId = therapist.Id, Action = "service-user.updated",
            EntityType = "service-user", EntityId = person.Id.ToString(), ServiceUserId = person.Id, Detail = $"renamed to {tag} Quimby", OccurredAtUtc = nowUtc.AddDays(-3),
        });
        var goal = new Goal
        {
            OrganisationId = organisation.Id, ServiceUserId = person.Id, Text = $"walk to the shop goal-{tag}", NextDueAtUtc = nowUtc.AddHours(5),
            SetByStaffId = therapist.Id, CreatedAtUtc = nowUtc.AddDays(-10), UpdatedAtUtc = nowUtc.AddDays(-10),
        };
        var run = new QuestionnaireRun
        {
            OrganisationId = organisation.Id, ServiceUserId = person.Id, Kind = QuestionnaireKind.Phq9, Status = QuestionnaireStatus.Completed, CurrentItem = 9,
            StartedAtUtc = nowUtc.AddDays(-4), LastPromptAtUtc = nowUtc.AddDays(-4), ExpiresAtUtc = nowUtc.AddDays(-2), CompletedAtUtc = nowUtc.AddDays(-4),
            TotalScore = 9, Severity = Severity.Mild,
        };
        db.AddRange(goal, run);
        db.GoalProgress.Add(new GoalProgress
        {
            OrganisationId = organisation.Id, ServiceUserId = person.Id, GoalId = goal.Id, LocalDate = new DateOnly(2026, 3, 1), Outcome = GoalOutcome.Done,
            ReplyText = $"yes did it goal-reply-{tag}", InboundMessageId = inbound.Id, RecordedAtUtc = nowUtc.AddDays(-2),
        });
        db.QuestionnaireSchedules.Add(new QuestionnaireSchedule { OrganisationId = organisation.Id, ServiceUserId = person.Id, Kind = QuestionnaireKind.Phq9, NextDueAtUtc = nowUtc.AddDays(10), UpdatedAtUtc = nowUtc });
        db.QuestionnaireAnswers.Add(new QuestionnaireAnswer { OrganisationId = organisation.Id, ServiceUserId = person.Id, RunId = run.Id, ItemNumber = 1, Score = 1, AnsweredAtUtc = nowUtc.AddDays(-4) });
        db.Conversations.Add(new Conversation
        {
            OrganisationId = organisation.Id, ServiceUserId = person.Id, Kind = ConversationKind.GoalReply, SubjectId = goal.Id,
            OpenedAtUtc = nowUtc.AddHours(-1), ExpiresAtUtc = nowUtc.AddHours(19),
        });
        await db.SaveChangesAsync();

        return new SeededPerson
        {
            ServiceUser = person,
            Phone = phone,
            Secrets =
            [
                person.DisplayName, phone, phone[1..], person.ExternalReference, outbound.Body, $"out-{tag}", diary.EventText, $"diary-{tag}",
                inbound.Body, $"in-{tag}", earlyText.Body, alert.Summary, $"hopeless-{tag}", "Acacia Road " + tag, $"agenda-{tag}", $"Called {tag}",
                $"six-ish from {tag}", $"goal-{tag}", $"goal-reply-{tag}", $"alert-reply-{tag}", $"checks my phone-{tag}",
            ],
            StaffTextAboutThem = $"{tag} Quimby needs a call",
        };
    }
}
