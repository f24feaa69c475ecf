using Buddy.Domain.Safeguarding;
using Buddy.Domain.Summaries;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Replies;

namespace Buddy.Gateway.Safeguarding;

/// <summary>
/// Records a risk finding on a safeguarding alert: one open alert per person, which every further risky reply joins
/// (listed on it, raising its tier, moving it to the top) instead of opening another, so staff see four replies on one
/// alert rather than four alerts. What a finding does beyond that is decided by <see cref="JoinedReplyRules"/>: High
/// escalates (crisis text in the person's country's numbers, discreet when the risk comes from someone else or someone
/// reads the phone; staff texted and emailed), a reply that raises the tier escalates at once, and a repeat within
/// the hour is not texted twice. All in the pipeline's transaction, with an audit event.
/// </summary>
public sealed class SafeguardingAlerts(SafeguardingEscalation escalation, ILogger<SafeguardingAlerts> logger)
{
    public async Task<Alert> RecordAsync(ReplyContext reply, RiskFinding finding, CancellationToken cancellationToken)
    {
        var db = reply.Db;
        var now = reply.NowUtc;
        var person = reply.ServiceUser;
        var sameText = reply.Safeguarding.Alert is not null;
        var alert = reply.Safeguarding.Alert ?? await reply.Batch.OpenAlertAsync(person.Id, reply.Organisation.Id, cancellationToken);

        var opened = alert is null;
        var notifyStaff = alert is null ? finding.Level == RiskLevel.High : JoinedReplyRules.NotifyStaff(alert, finding.Level, finding.Subject, finding.Caution, now);
        if (alert is null)
        {
            alert = new Alert
            {
                OrganisationId = reply.Organisation.Id,
                ServiceUserId = person.Id,
                Kind = AlertKind.Safeguarding,
                Severity = finding.Level,
                Summary = "",
                InboundMessageId = reply.Message.Id,
                CreatedAtUtc = now,
            };
            db.Alerts.Add(alert);
        }

        var replies = reply.Batch.RepliesOf(alert.Id); // read with the open alert, untracked; the new ones added below
        if (!opened)
        {
            if (replies.Count == 0)
            {
                replies.Add(db.AlertReplies.Add(ReplyOf(alert)).Entity); // an alert from before replies were recorded: it keeps its own line
            }

            alert.LatestReplyAtUtc = now;
        }

        reply.Safeguarding.Alert = alert;
        replies.Add(db.AlertReplies.Add(new AlertReply
        {
            AlertId = alert.Id,
            OrganisationId = alert.OrganisationId,
            ServiceUserId = person.Id,
            InboundMessageId = reply.Message.Id,
            Level = finding.Level,
            Subject = finding.Subject,
            Caution = finding.Caution,
            Concepts = [.. finding.Concepts],
            Summary = finding.Summary,
            MatchedPhrases = finding.MatchedPhrases,
            ReceivedAtUtc = reply.Message.ReceivedAtUtc,
        }).Entity);
        Join(alert, finding, [.. replies.OrderBy(r => r.ReceivedAtUtc)]);

        string notified;
        var escalated = false;
        if (finding.Level == RiskLevel.High && !reply.Safeguarding.Escalated)
        {
            reply.Safeguarding.Escalated = true;
            var discreet = alert.Caution.HasFlag(ContactCaution.PhoneMayBeRead) || replies.Exists(r => r.Subject == RiskSubject.SenderFromOthers);
            (notified, escalated) = await escalation.EscalateAsync(reply, alert, discreet, notifyStaff, cancellationToken);
        }
        else
        {
            notified = finding.Level == RiskLevel.High ? "escalated already for this text" : "no texts (review)";
        }

        var action = escalated ? "safeguarding.escalated" : opened ? "safeguarding.flagged" : "safeguarding.joined";
        AuditTrail.Stage(db, AuditActor.System, reply.Organisation.Id, action, person.Id, AuditEntities.Alert, alert.Id.ToString(),
            $"{finding.Level} risk{(finding.Subject == RiskSubject.None ? "" : $" ({RiskWords.Subject(finding.Subject).ToLowerInvariant()})")}" +
                $"{(opened ? "" : sameText ? ", another finding in the same text" : $", joined the open alert (reply {replies.Count})")}; {notified}",
            now);
        logger.LogWarning("Safeguarding {Level} risk on inbound {InboundId} for service user {ServiceUserId}: alert {AlertId} ({How}); {Notified}",
            finding.Level, reply.Message.Id, person.Id, alert.Id, opened ? "opened" : "joined", notified);
        return alert;
    }

    private static AlertReply ReplyOf(Alert alert) => new()
    {
        AlertId = alert.Id,
        OrganisationId = alert.OrganisationId,
        ServiceUserId = alert.ServiceUserId,
        InboundMessageId = alert.InboundMessageId,
        Level = alert.Severity,
        Subject = alert.Subjects.FirstOrDefault(),
        Caution = alert.Caution,
        Concepts = [.. alert.Concepts],
        Summary = WithoutTier(alert.Summary),
        MatchedPhrases = alert.MatchedPhrases,
        ReceivedAtUtc = alert.CreatedAtUtc,
    };

    /// <summary>"Urgent: reply mentions x" -> "reply mentions x": the alert's summary adds the tier itself.</summary>
    private static string WithoutTier(string summary)
    {
        foreach (var prefix in new[] { "Urgent: ", "Review: ", "Worth a look: " })
        {
            if (summary.StartsWith(prefix, StringComparison.Ordinal))
            {
                return summary[prefix.Length..];
            }
        }

        return summary;
    }

    /// <summary>
    /// The alert after a finding joins it: the highest tier, who is at risk at that tier, every caution ever said,
    /// the concepts and phrases, and a summary of what its replies found.
    /// </summary>
    private static void Join(Alert alert, RiskFinding finding, List<AlertReply> replies)
    {
        alert.Severity = (RiskLevel)Math.Max((int)alert.Severity, (int)replies.Max(r => r.Level));
        alert.Subjects = [.. replies.Where(r => r.Level == alert.Severity && r.Subject != RiskSubject.None).Select(r => r.Subject).Distinct()];
        alert.Caution |= finding.Caution;
        alert.Concepts = [.. replies.SelectMany(r => r.Concepts).Distinct(StringComparer.Ordinal)];
        alert.MatchedPhrases = replies.Any(r => r.MatchedPhrases is not null)
            ? string.Join("; ", replies.Select(r => r.MatchedPhrases).OfType<string>().Distinct(StringComparer.Ordinal))
            : alert.MatchedPhrases;
        alert.Summary = $"{RiskWords.Tier(alert.Severity)}: {string.Join("; ", replies.Select(r => r.Summary).Distinct(StringComparer.Ordinal))}";
    }
}
