using Buddy.Domain.Audit;
using Buddy.Domain.CheckIns;
using Buddy.Domain.Conversations;
using Buddy.Domain.Diary;
using Buddy.Domain.Goals;
using Buddy.Domain.Privacy;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sessions;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Privacy;

/// <summary>What one sweep did; no personal data.</summary>
public sealed record RetentionSweepResult(IReadOnlyList<Guid> AnonymisedServiceUserIds, int UnmatchedInboundCleared);

/// <summary>
/// The retention policy, run nightly: for everyone discharged longer ago than
/// <c>DataProtection:RetainAfterDischargeDays</c>, removes identifiable content (number, names, reference, the
/// words of every text, diary entry, alert and session note) but keeps the structure (dates, mood scores, tags,
/// alert kinds) so service statistics still add up. Texts from unknown numbers lose their number and words after
/// <c>DataProtection:RetainUnmatchedInboundDays</c>. Each person is claimed with a conditional update and done in
/// their own transaction, so two instances or a rerun never do anyone twice and a failure loses nobody's progress.
/// When anything was cleared, the freed space is reclaimed so the old words do not linger in the database files.
/// </summary>
public sealed class RetentionSweep(IDbContextFactory<BuddyDbContext> contexts, RetentionPolicy policy, ILogger<RetentionSweep> logger)
{
    public const string AnonymisedAction = "service-user.anonymised";

    /// <summary>The kinds this sweep knows how to clear. A test fails when a feature adds one it does not know.</summary>
    internal static IReadOnlySet<Type> CoveredKinds { get; } = new HashSet<Type>
    {
        typeof(OutboundMessage), typeof(InboundMessage), typeof(DiaryEntry), typeof(Alert), typeof(AlertReply), typeof(TherapySession),
        typeof(CheckIn), typeof(CheckInSchedule), typeof(AuditEvent),
        typeof(Goal), typeof(GoalProgress), typeof(QuestionnaireSchedule), typeof(QuestionnaireRun), typeof(QuestionnaireAnswer), typeof(Conversation),
    };

    public async Task<RetentionSweepResult> RunAsync(DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var cutoff = policy.DischargeCutoff(nowUtc);
        List<Guid> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.ServiceUsers
                .Where(s => s.Status == ServiceUserStatus.Discharged && s.DischargedAtUtc != null && s.DischargedAtUtc <= cutoff
                    && s.AnonymisedAtUtc == null && s.ErasedAtUtc == null)
                .OrderBy(s => s.DischargedAtUtc)
                .Select(s => s.Id)
                .ToListAsync(cancellationToken);
        }

        var done = new List<Guid>();
        foreach (var id in due)
        {
            if (await AnonymiseAsync(id, nowUtc, cancellationToken))
            {
                done.Add(id);
            }
        }

        var unmatched = await ClearUnmatchedInboundAsync(nowUtc, cancellationToken);
        if (done.Count > 0 || unmatched > 0)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await FreedSpace.ReclaimAsync(db, logger, cancellationToken);
        }

        logger.LogInformation(
            "Retention sweep: anonymised {Count} service user(s) discharged before {Cutoff:O}; cleared {Unmatched} text(s) from unknown numbers",
            done.Count, cutoff, unmatched);
        return new RetentionSweepResult(done, unmatched);
    }

    private async Task<bool> AnonymiseAsync(Guid id, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var person = await db.ServiceUsers.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken);
        if (!policy.IsDue(person, nowUtc))
        {
            return false; // re-referred, erased or done since the list was read
        }

        // The claim: only one sweep (of several instances) sets this; the loser backs off.
        var cutoff = policy.DischargeCutoff(nowUtc);
        var claimed = await db.ServiceUsers
            .Where(s => s.Id == id && s.AnonymisedAtUtc == null && s.ErasedAtUtc == null
                && s.Status == ServiceUserStatus.Discharged && s.DischargedAtUtc <= cutoff)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.AnonymisedAtUtc, nowUtc)
                .SetProperty(s => s.DisplayName, PersonalDataStub.DisplayNameFor(id))
                .SetProperty(s => s.FirstName, (string?)null)
                .SetProperty(s => s.PhoneE164, (string?)null)
                .SetProperty(s => s.ExternalReference, (string?)null)
                .SetProperty(s => s.UpdatedAtUtc, nowUtc), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var phone = person.PhoneE164;
        await db.OutboundMessages.Where(m => m.ServiceUserId == id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Body, PersonalDataStub.RemovedText)
            .SetProperty(m => m.ToPhone, PersonalDataStub.RemovedPhone)
            .SetProperty(m => m.ErrorMessage, (string?)null), cancellationToken);
        await db.InboundMessages.Where(m => m.ServiceUserId == id || (phone != null && m.ServiceUserId == null && m.FromPhone == phone)).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Body, PersonalDataStub.RemovedText)
            .SetProperty(m => m.FromPhone, PersonalDataStub.RemovedPhone), cancellationToken);
        await db.DiaryEntries.Where(d => d.ServiceUserId == id).ExecuteUpdateAsync(set => set
            .SetProperty(d => d.EventText, PersonalDataStub.RemovedText)
            .SetProperty(d => d.MoodNote, (string?)null), cancellationToken);
        await db.Alerts.Where(a => a.ServiceUserId == id).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.Summary, PersonalDataStub.RemovedText)
            .SetProperty(a => a.MatchedPhrases, (string?)null)
            .SetProperty(a => a.AcknowledgementNote, (string?)null), cancellationToken);
        await db.AlertReplies.Where(r => r.ServiceUserId == id).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.Summary, PersonalDataStub.RemovedText)
            .SetProperty(r => r.MatchedPhrases, (string?)null), cancellationToken);
        await db.TherapySessions.Where(s => s.ServiceUserId == id).ExecuteUpdateAsync(set => set
            .SetProperty(s => s.Location, (string?)null)
            .SetProperty(s => s.AgendaNotes, (string?)null), cancellationToken);
        await db.CheckInSchedules.Where(s => s.ServiceUserId == id).ExecuteUpdateAsync(set => set
            .SetProperty(s => s.IsEnabled, false)
            .SetProperty(s => s.NextDueAtUtc, (DateTime?)null), cancellationToken);
        // Check-ins hold only dates, statuses and system notes: nothing to clear.
        await db.Goals.Where(g => g.ServiceUserId == id).ExecuteUpdateAsync(set => set
            .SetProperty(g => g.Text, PersonalDataStub.RemovedText)
            .SetProperty(g => g.NextDueAtUtc, (DateTime?)null), cancellationToken);
        await db.GoalProgress.Where(p => p.ServiceUserId == id).ExecuteUpdateAsync(set => set
            .SetProperty(p => p.ReplyText, PersonalDataStub.RemovedText), cancellationToken);
        await db.QuestionnaireSchedules.Where(s => s.ServiceUserId == id).ExecuteUpdateAsync(set => set
            .SetProperty(s => s.IsEnabled, false), cancellationToken);
        // Questionnaire runs and answers hold scores and dates, conversations only ids and times: nothing to clear.

        var scrubber = ContentOutsideTheirRows.ScrubberFor(person);
        await ContentOutsideTheirRows.ClearStaffTextsAboutAsync(db, person, scrubber, cancellationToken);
        await ContentOutsideTheirRows.ScrubAuditDetailsAsync(db, id, scrubber, cancellationToken);
        db.AuditEvents.Add(new AuditEvent
        {
            OrganisationId = person.OrganisationId,
            ActorType = AuditActorType.System,
            Action = AnonymisedAction,
            EntityType = "service-user",
            EntityId = id.ToString(),
            ServiceUserId = id,
            Detail = $"retention policy: discharged {person.DischargedAtUtc:yyyy-MM-dd}, kept {policy.RetainAfterDischargeDays} days",
            OccurredAtUtc = nowUtc,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<int> ClearUnmatchedInboundAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var cutoff = policy.UnmatchedInboundCutoff(nowUtc);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cleared = await db.InboundMessages
            .Where(m => m.ServiceUserId == null && m.ReceivedAtUtc <= cutoff && m.FromPhone != PersonalDataStub.RemovedPhone)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Body, PersonalDataStub.RemovedText)
                .SetProperty(m => m.FromPhone, PersonalDataStub.RemovedPhone), cancellationToken);
        if (cleared > 0)
        {
            db.AuditEvents.Add(new AuditEvent
            {
                ActorType = AuditActorType.System,
                Action = "inbound.unmatched-anonymised",
                EntityType = "inbound-message",
                Detail = $"retention policy: {cleared} text(s) from unknown numbers received before {cutoff:yyyy-MM-dd}",
                OccurredAtUtc = nowUtc,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        return cleared;
    }
}
