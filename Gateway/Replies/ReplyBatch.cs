using Buddy.Domain.CheckIns;
using Buddy.Domain.Conversations;
using Buddy.Domain.Diary;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Replies;

/// <summary>
/// What the reply steps read about the senders of the texts handled in one transaction: their questionnaires in
/// progress, open conversations, check-ins, the diary entries of their open check-ins, their schedules' two-step
/// setting, their open safeguarding alerts with their replies and their crisis texts of the last hour. Each kind is read for the whole batch in one query the first time a
/// step asks for it, so a batch of fifty texts from fifty people costs the same few queries as a batch of one.
/// <para>
/// Equivalent to each step querying for its own sender: the transaction saves only at its end, so the database
/// answers every query in it alike; a batch holds at most one text per sender (<c>InboundRounds</c>), so no text's
/// changes are seen by another's reads. Rows come back tracked, so the steps' changes are saved with the batch.
/// </para>
/// </summary>
public sealed class ReplyBatch(BuddyDbContext db, IReadOnlyCollection<Guid> serviceUserIds, IReadOnlyCollection<Guid> inboundMessageIds, DateTime nowUtc)
{
    private ILookup<Guid, QuestionnaireRun>? _runs;
    private ILookup<Guid, Conversation>? _conversations;
    private ILookup<Guid, CheckIn>? _unanswered;
    private Dictionary<Guid, CheckIn>? _latestDue;
    private Dictionary<Guid, DiaryEntry>? _entriesByCheckIn;
    private Dictionary<Guid, bool>? _twoStep;
    private HashSet<Guid>? _alerted;
    private Dictionary<Guid, Alert>? _openAlerts;
    private Dictionary<Guid, List<AlertReply>>? _alertReplies;
    private ILookup<Guid, RecentCrisisText>? _crisisTexts;

    /// <summary>A batch of one text, for a reply handled on its own.</summary>
    public static ReplyBatch Of(BuddyDbContext db, Guid serviceUserId, Guid inboundMessageId, DateTime nowUtc) =>
        new(db, [serviceUserId], [inboundMessageId], nowUtc);

    /// <summary>The person's questionnaire in progress that prompted last, if any.</summary>
    public async Task<QuestionnaireRun?> LatestRunInProgressAsync(Guid serviceUserId, CancellationToken cancellationToken)
    {
        _runs ??= (await db.QuestionnaireRuns
            .Where(r => serviceUserIds.Contains(r.ServiceUserId) && r.Status == QuestionnaireStatus.InProgress)
            .ToListAsync(cancellationToken)).ToLookup(r => r.ServiceUserId);
        return _runs[serviceUserId].MaxBy(r => r.LastPromptAtUtc);
    }

    /// <summary>The person's conversations still marked open (some may have expired by now).</summary>
    public async Task<List<Conversation>> OpenConversationsAsync(Guid serviceUserId, CancellationToken cancellationToken)
    {
        _conversations ??= (await db.Conversations
            .Where(c => serviceUserIds.Contains(c.ServiceUserId) && c.Status == ConversationStatus.Open)
            .ToListAsync(cancellationToken)).ToLookup(c => c.ServiceUserId);
        return [.. _conversations[serviceUserId]];
    }

    /// <summary>The person's latest check-in sent by now and still waiting for its answer.</summary>
    public async Task<CheckIn?> UnansweredCheckInAsync(Guid serviceUserId, CancellationToken cancellationToken)
    {
        _unanswered ??= (await db.CheckIns
            .Where(c => serviceUserIds.Contains(c.ServiceUserId) && c.Status == CheckInStatus.Sent && c.AnsweredAtUtc == null && c.SentAtUtc != null && c.SentAtUtc <= nowUtc)
            .ToListAsync(cancellationToken)).ToLookup(c => c.ServiceUserId);
        return _unanswered[serviceUserId].MaxBy(c => c.SentAtUtc);
    }

    /// <summary>
    /// The person's latest check-in due by now, whatever its status (of two due at once, a sent or answered one):
    /// the diary's open check-in when that one is sent or answered, and none when a later one was due since.
    /// </summary>
    public async Task<CheckIn?> LatestDueCheckInAsync(Guid serviceUserId, CancellationToken cancellationToken)
    {
        _latestDue ??= await db.CheckIns
            .Where(c => serviceUserIds.Contains(c.ServiceUserId) && c.DueAtUtc <= nowUtc)
            .GroupBy(c => c.ServiceUserId)
            .Select(g => g.OrderByDescending(c => c.DueAtUtc)
                .ThenBy(c => c.Status == CheckInStatus.Sent || c.Status == CheckInStatus.Answered ? 0 : 1)
                .First())
            .ToDictionaryAsync(c => c.ServiceUserId, cancellationToken);
        return _latestDue.GetValueOrDefault(serviceUserId);
    }

    /// <summary>The person's diary entry for their latest check-in due (<see cref="LatestDueCheckInAsync"/>), if one was made.</summary>
    public async Task<DiaryEntry?> EntryForLatestCheckInAsync(Guid serviceUserId, CancellationToken cancellationToken)
    {
        if (await LatestDueCheckInAsync(serviceUserId, cancellationToken) is not { } checkIn)
        {
            return null;
        }

        if (_entriesByCheckIn is null)
        {
            var checkInIds = _latestDue!.Values.Select(c => c.Id).ToList();
            _entriesByCheckIn = (await db.DiaryEntries
                .Where(e => e.CheckInId != null && checkInIds.Contains(e.CheckInId.Value) && serviceUserIds.Contains(e.ServiceUserId))
                .ToListAsync(cancellationToken))
                .GroupBy(e => e.CheckInId!.Value)
                .ToDictionary(g => g.Key, g => g.First());
        }

        return _entriesByCheckIn.GetValueOrDefault(checkIn.Id);
    }

    /// <summary>Whether the person's check-ins ask in two steps (their schedule's setting).</summary>
    public async Task<bool> TwoStepAsync(Guid serviceUserId, CancellationToken cancellationToken)
    {
        _twoStep ??= (await db.CheckInSchedules
            .Where(s => serviceUserIds.Contains(s.ServiceUserId))
            .Select(s => new { s.ServiceUserId, s.TwoStep })
            .ToListAsync(cancellationToken))
            .GroupBy(s => s.ServiceUserId)
            .ToDictionary(g => g.Key, g => g.First().TwoStep);
        return _twoStep.GetValueOrDefault(serviceUserId);
    }

    /// <summary>True when a safeguarding alert already records this text (it was handled before a crash, then offered again).</summary>
    public async Task<bool> AlreadyAlertedAsync(Guid inboundMessageId, CancellationToken cancellationToken)
    {
        if (_alerted is null)
        {
            var replied = await db.AlertReplies
                .Where(r => r.InboundMessageId != null && inboundMessageIds.Contains(r.InboundMessageId.Value))
                .Select(r => r.InboundMessageId!.Value)
                .ToListAsync(cancellationToken);
            var opened = await db.Alerts
                .Where(a => a.InboundMessageId != null && inboundMessageIds.Contains(a.InboundMessageId.Value) && a.Kind == AlertKind.Safeguarding)
                .Select(a => a.InboundMessageId!.Value)
                .ToListAsync(cancellationToken);
            _alerted = [.. replied, .. opened];
        }

        return _alerted.Contains(inboundMessageId);
    }

    /// <summary>
    /// The person's latest unacknowledged safeguarding alert in the organisation (tracked), or null when they have none
    /// open. Its replies are read with it (<see cref="RepliesOf"/>).
    /// </summary>
    public async Task<Alert?> OpenAlertAsync(Guid serviceUserId, Guid organisationId, CancellationToken cancellationToken)
    {
        if (_openAlerts is null)
        {
            _openAlerts = await db.Alerts
                .Where(a => serviceUserIds.Contains(a.ServiceUserId) && a.Kind == AlertKind.Safeguarding && a.AcknowledgedAtUtc == null)
                .GroupBy(a => new { a.ServiceUserId, a.OrganisationId })
                .Select(g => g.OrderByDescending(a => a.CreatedAtUtc).First())
                .ToDictionaryAsync(a => a.Id, cancellationToken);
            var alertIds = _openAlerts.Keys.ToList();
            _alertReplies ??= [];
            if (alertIds.Count > 0)
            {
                // Untracked: a saved reply never changes, and an alert joined all day holds hundreds of them, which the
                // change tracker would otherwise compare on every look at DbSet.Local and at SaveChanges.
                foreach (var group in (await db.AlertReplies.AsNoTracking()
                    .Where(r => alertIds.Contains(r.AlertId))
                    .OrderBy(r => r.AlertId).ThenBy(r => r.ReceivedAtUtc)
                    .ToListAsync(cancellationToken)).GroupBy(r => r.AlertId))
                {
                    _alertReplies[group.Key] = [.. group];
                }
            }
        }

        return _openAlerts.Values.FirstOrDefault(a => a.ServiceUserId == serviceUserId && a.OrganisationId == organisationId);
    }

    /// <summary>
    /// The replies on an alert: those saved before (read with <see cref="OpenAlertAsync"/>) and those this batch
    /// added (the caller adds each new one here as well as to the context). Empty for an alert opened in this batch.
    /// </summary>
    public List<AlertReply> RepliesOf(Guid alertId)
    {
        _alertReplies ??= [];
        if (!_alertReplies.TryGetValue(alertId, out var replies))
        {
            _alertReplies[alertId] = replies = [];
        }

        return replies;
    }

    /// <summary>The crisis texts saved for the person within <see cref="JoinedReplyRules.CrisisRepeatInterval"/> before now.</summary>
    public async Task<IEnumerable<RecentCrisisText>> RecentCrisisTextsAsync(Guid serviceUserId, CancellationToken cancellationToken)
    {
        var sinceUtc = nowUtc - JoinedReplyRules.CrisisRepeatInterval;
        _crisisTexts ??= (await db.OutboundMessages
            .Where(m => m.ServiceUserId != null && serviceUserIds.Contains(m.ServiceUserId.Value) && m.Kind == OutboundKind.Crisis && m.CreatedAtUtc >= sinceUtc)
            .Select(m => new { ServiceUserId = m.ServiceUserId!.Value, m.Body, m.Status, m.CreatedAtUtc })
            .ToListAsync(cancellationToken))
            .ToLookup(m => m.ServiceUserId, m => new RecentCrisisText(m.Body, m.Status, m.CreatedAtUtc));
        return _crisisTexts[serviceUserId];
    }
}

/// <summary>A crisis text already queued for a person, for the rule that the same one is not sent twice within the hour.</summary>
public sealed record RecentCrisisText(string Body, OutboundStatus Status, DateTime CreatedAtUtc);
