using System.Diagnostics;
using System.Diagnostics.Metrics;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sms;

namespace Buddy.Gateway.Telemetry;

/// <summary>
/// Buddy's one <see cref="Meter"/> ("Buddy.Gateway") and the instruments the features call where the work
/// happens; the backlog gauges on the same meter are in <see cref="BacklogGauges"/>. No tag ever carries a
/// person, a number or a message.
/// </summary>
public sealed class BuddyMetrics
{
    public const string MeterName = "Buddy.Gateway";

    /// <summary>Buddy's own spans (processing a text, sending one, a dispatch run), beside ASP.NET Core's and HttpClient's.</summary>
    public static readonly ActivitySource Activities = new(MeterName);

    private readonly Counter<long> _webhooks;
    private readonly Counter<long> _inboundStored;
    private readonly Counter<long> _inboundRecovered;
    private readonly Histogram<double> _inboundProcessing;
    private readonly Counter<long> _outboxSends;
    private readonly Counter<long> _alerts;
    private readonly Histogram<double> _replyToAlert;
    private readonly Counter<long> _checkIns;

    public BuddyMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _webhooks = meter.CreateCounter<long>("buddy.webhooks.received", "{request}", "Signed Twilio webhooks that reached Buddy, by webhook (inbound, status).");
        _inboundStored = meter.CreateCounter<long>("buddy.inbound.stored", "{message}", "Inbound texts stored (a provider's repeat of one already stored is not counted).");
        _inboundRecovered = meter.CreateCounter<long>("buddy.inbound.recovered", "{message}", "Inbound texts the webhook never delivered, stored from the provider's own log.");
        _inboundProcessing = meter.CreateHistogram<double>("buddy.inbound.processing.duration", "s", "From an inbound text being stored to its being handled, by resulting state.");
        _outboxSends = meter.CreateCounter<long>("buddy.outbox.sends", "{message}", "Outbox rows handled by the sender, by outcome and kind of text.");
        _alerts = meter.CreateCounter<long>("buddy.alerts.raised", "{alert}", "Alerts raised for staff, by kind and severity.");
        _replyToAlert = meter.CreateHistogram<double>("buddy.alerts.reply_to_alert.duration", "s", "From a reply being stored to the alert it raised being committed, by severity.");
        _checkIns = meter.CreateCounter<long>("buddy.checkins.dispatched", "{check-in}", "Check-ins the dispatcher wrote, by outcome (sent, missed, quiet_hours).");
    }

    public void WebhookReceived(string webhook) => _webhooks.Add(1, new KeyValuePair<string, object?>("webhook", webhook));

    public void InboundStored(bool urgent) => _inboundStored.Add(1, new KeyValuePair<string, object?>("urgent", urgent));

    /// <summary>For the recovery of texts a webhook never delivered (issue 13), which stores through the same reception.</summary>
    public void InboundRecovered(int count) => _inboundRecovered.Add(count);

    public void InboundHandled(InboundState state, TimeSpan sinceStored) =>
        _inboundProcessing.Record(Math.Max(0, sinceStored.TotalSeconds), new KeyValuePair<string, object?>("state", state.ToString()));

    /// <param name="outcome">accepted, already_sent, retry, failed, unsubscribed or cancelled.</param>
    public void OutboxSend(string outcome, OutboundKind kind) =>
        _outboxSends.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("kind", kind.ToString()));

    public void AlertRaised(AlertKind kind, RiskLevel severity) =>
        _alerts.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()), new KeyValuePair<string, object?>("severity", severity.ToString()));

    public void ReplyToAlert(RiskLevel severity, TimeSpan elapsed) =>
        _replyToAlert.Record(Math.Max(0, elapsed.TotalSeconds), new KeyValuePair<string, object?>("severity", severity.ToString()));

    public void CheckInsDispatched(int sent, int missed, int quietHours)
    {
        Add(_checkIns, sent, "sent");
        Add(_checkIns, missed, "missed");
        Add(_checkIns, quietHours, "quiet_hours");
    }

    private static void Add(Counter<long> counter, int count, string outcome)
    {
        if (count > 0)
        {
            counter.Add(count, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
