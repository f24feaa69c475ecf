using Buddy.Domain.CheckIns;
using Buddy.Domain.Diary;
using Buddy.Domain.Replies;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Time;
using Buddy.Gateway.Data;
using Buddy.Gateway.Safeguarding;
using Buddy.Gateway.Schedules;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Replies;

/// <summary>
/// The reply pipeline's last step: every reply no conversation claimed becomes part of the diary. A reply belongs to the open
/// check-in (the latest one sent, within the reply window and before the next check-in), so a text after
/// midnight still lands on yesterday's entry; several texts merge into one entry; a correction replaces the
/// day's score; a text with no open check-in is kept as a note for today.
/// </summary>
public sealed class DiaryReplyHandler(ReplyParser parser, SchedulingSettings scheduling)
{
    /// <summary>Merges the reply into its day's entry (created if need be) and returns that entry.</summary>
    public async Task<DiaryEntry> RecordAsync(ReplyContext reply, CancellationToken cancellationToken)
    {
        var db = reply.Db;
        var user = reply.ServiceUser;
        var parsed = parser.Parse(reply.Message.Body, reply.Organisation.MoodScale);

        DiaryEntry? entry;
        var checkIn = await FindOpenCheckInAsync(reply, cancellationToken);
        if (checkIn is not null)
        {
            entry = await reply.Batch.EntryForLatestCheckInAsync(user.Id, cancellationToken)
                ?? Add(reply, checkIn.LocalDate, checkIn.Id, DiaryEntryKind.CheckInReply);
            if (checkIn.Status == CheckInStatus.Sent)
            {
                checkIn.Status = CheckInStatus.Answered;
                checkIn.AnsweredAtUtc = reply.NowUtc;
            }
        }
        else
        {
            var today = LocalTimes.LocalDate(reply.NowUtc, user.TimeZoneId);
            entry = parsed.IsCorrection
                ? await db.DiaryEntries.Where(e => e.ServiceUserId == user.Id && e.LocalDate == today)
                    .OrderByDescending(e => e.UpdatedAtUtc).FirstOrDefaultAsync(cancellationToken)
                : null;
            entry ??= Add(reply, today, null, DiaryEntryKind.Note);
        }

        var outcome = Merge(entry, parsed, reply.Risk, reply.NowUtc);
        reply.Message.DiaryEntryId = entry.Id;
        if (reply.Safeguarding.Alert is { } alert)
        {
            alert.DiaryEntryId = entry.Id;
        }

        reply.Outcome = reply.Outcome is null ? outcome : $"{reply.Outcome}; {outcome}";
        return entry;
    }

    /// <summary>
    /// The latest check-in sent and not yet closed: within the reply window (the same one check-in expiry uses),
    /// and no later check-in due since.
    /// </summary>
    private async Task<CheckIn?> FindOpenCheckInAsync(ReplyContext reply, CancellationToken cancellationToken)
    {
        var latest = await reply.Batch.LatestDueCheckInAsync(reply.ServiceUser.Id, cancellationToken);
        if (latest is null || latest.Status is not (CheckInStatus.Sent or CheckInStatus.Answered))
        {
            return null; // none yet, or a later check-in (not sent, missed, unanswered) was due since the last one sent
        }

        var sentAt = latest.SentAtUtc ?? latest.DueAtUtc;
        return reply.NowUtc - sentAt > TimeSpan.FromHours(scheduling.ReplyWindowHours) ? null : latest;
    }

    private static DiaryEntry Add(ReplyContext reply, DateOnly localDate, Guid? checkInId, DiaryEntryKind kind)
    {
        var entry = new DiaryEntry
        {
            OrganisationId = reply.Organisation.Id,
            ServiceUserId = reply.ServiceUser.Id,
            LocalDate = localDate,
            CheckInId = checkInId,
            MoodScale = reply.Organisation.MoodScale,
            Kind = kind,
            CreatedAtUtc = reply.NowUtc,
            UpdatedAtUtc = reply.NowUtc,
        };
        reply.Db.DiaryEntries.Add(entry);
        return entry;
    }

    /// <summary>
    /// Latest score wins (a correction says what it replaced, and that trail stays through later texts), events
    /// append, tags union, risk only rises and says who is at risk at its level.
    /// </summary>
    private static string Merge(DiaryEntry entry, ParsedReply parsed, RiskAssessment risk, DateTime nowUtc)
    {
        var outcome = entry.Kind == DiaryEntryKind.Note ? "diary note" : "diary reply";
        if (parsed.Mood is { } mood)
        {
            if (parsed.IsCorrection && entry.MoodScore is not null)
            {
                outcome = "diary correction";
            }

            entry.MoodNote = MoodNotes.AfterScore(entry.MoodNote, entry.MoodScore, mood, parsed.IsCorrection, parsed.MoodNote);
            entry.MoodScore = mood;
            entry.MoodScale = parsed.Scale;
        }
        else if (entry.MoodScore is null && parsed.MoodNote is not null)
        {
            entry.MoodNote = parsed.MoodNote; // why a number in the text was not taken as a score
        }

        if (parsed.Event.Length > 0)
        {
            entry.EventText = entry.EventText.Length == 0 ? parsed.Event : $"{entry.EventText}\n{parsed.Event}";
        }

        foreach (var tag in parsed.Tags)
        {
            if (!entry.Tags.Contains(tag, StringComparer.Ordinal))
            {
                entry.Tags = [.. entry.Tags, tag];
            }
        }

        if (risk.Level > entry.RiskLevel)
        {
            entry.RiskLevel = risk.Level;
            entry.RiskSubjects = risk.Subject == RiskSubject.None ? [] : [risk.Subject];
        }
        else if (risk.Level == entry.RiskLevel && risk.Level > RiskLevel.None && risk.Subject != RiskSubject.None && !entry.RiskSubjects.Contains(risk.Subject))
        {
            entry.RiskSubjects = [.. entry.RiskSubjects, risk.Subject];
        }

        entry.UpdatedAtUtc = nowUtc;
        return outcome;
    }
}
