using System.Collections.Concurrent;
using System.Security.Cryptography;
using Buddy.Domain.Sms;

namespace Buddy.Gateway.Sms.Simulator;

/// <summary>
/// The built-in provider for demos and development: nothing leaves the machine. Every text is "delivered" at
/// once; the outbox row is the record, and /simulator shows it as the service user's phone would. Like Twilio it
/// remembers what it accepted, so the outbox's reconciliation behaves the same with either provider.
/// </summary>
public sealed class SimulatorSmsSender(TimeProvider clock) : ISmsSender
{
    public const string Number = "+15005550006";

    // A day of texts is plenty for reconciliation, which looks back minutes; older ones are dropped as new ones come.
    private static readonly TimeSpan s_remembered = TimeSpan.FromDays(1);

    private readonly ConcurrentQueue<(SentText Text, string To, string Body)> _accepted = new();

    public string SenderId => Number;

    public Task<SendOutcome> SendAsync(SmsRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        while (_accepted.TryPeek(out var oldest) && oldest.Text.AcceptedAtUtc < now - s_remembered)
        {
            _accepted.TryDequeue(out _);
        }

        var text = new SentText(NewMessageSid(), OutboundStatus.Delivered, now);
        _accepted.Enqueue((text, request.To, request.Body));
        return Task.FromResult<SendOutcome>(new SendOutcome.Accepted(text.ProviderMessageId, text.Status));
    }

    public Task<SentLookup> FindSentAsync(SmsRequest request, DateTime sinceUtc, CancellationToken cancellationToken) =>
        Task.FromResult<SentLookup>(new SentLookup.Answered(
            [.. _accepted.Where(a => a.To == request.To && a.Body == request.Body && a.Text.AcceptedAtUtc >= sinceUtc).Select(a => a.Text)]));

    /// <summary>Shaped like Twilio's: "SM" and 32 hex digits.</summary>
    public static string NewMessageSid() => "SM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
