using Buddy.Gateway.Sms.Inbound;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using MessagingNumbers = Twilio.Rest.Messaging.V1.Service.PhoneNumberResource;

namespace Buddy.Gateway.Sms.Twilio;

/// <summary>
/// Twilio's own record of the texts it received for Buddy's numbers, read through the SDK: the Messages list filtered
/// by To (one receiving number at a time) and by <c>DateSent&gt;</c>, inbound ones only. What the inbound recovery
/// reads to find texts the webhook never delivered.
/// </summary>
internal sealed class TwilioInboundLog(TwilioClients clients, InboundRecoverySettings recovery)
{
    /// <summary>Most pages one reading of one number follows (1,000 texts a page).</summary>
    internal const int MaxPages = 200;

    private const int PageSize = 1000;

    /// <summary>
    /// The numbers texts arrive at: <c>Sms:Inbound:Recovery:Numbers</c> when set, otherwise <c>Twilio:From</c>,
    /// otherwise every number in the messaging service's sender pool.
    /// </summary>
    public async Task<IReadOnlyList<string>> NumbersAsync(CancellationToken cancellationToken)
    {
        if (recovery.Numbers.Count > 0)
        {
            return recovery.Numbers;
        }

        var settings = clients.Settings;
        if (settings.From is { } from)
        {
            return [from];
        }

        if (settings.MessagingServiceSid is not { } service)
        {
            return [];
        }

        var pool = await MessagingNumbers.ReadAsync(new global::Twilio.Rest.Messaging.V1.Service.ReadPhoneNumberOptions(service) { PageSize = PageSize }, clients.Create())
            .WaitAsync(cancellationToken);
        return [.. pool.Select(n => n.PhoneNumber?.ToString()).OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The texts Twilio received at <paramref name="number"/> since <paramref name="sinceUtc"/> (its own clock), oldest
    /// first; texts it lists at the same second keep Twilio's order. Throws <see cref="TwilioException"/> when Twilio
    /// cannot be read, and <see cref="InvalidOperationException"/> when it holds more than <see cref="MaxPages"/>
    /// pages, so a reading that saw only part of the log never counts as complete.
    /// </summary>
    public async Task<IReadOnlyList<InboundText>> ReadAsync(string number, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var settings = clients.Settings;
        var options = new ReadMessageOptions
        {
            PathAccountSid = settings.AccountSid,
            To = new global::Twilio.Types.PhoneNumber(number),
            DateSentAfter = sinceUtc,
            PageSize = PageSize,
        };
        var listed = await TwilioMessageLog.ReadAsync(clients.Create(), options, sinceUtc, MaxPages, cancellationToken);
        if (!listed.Complete)
        {
            throw new InvalidOperationException($"Twilio listed more than {MaxPages * PageSize} texts to one number since {sinceUtc:u}; read a shorter period with recover-inbound --since.");
        }

        return
        [
            .. listed.Messages
                .Where(m => m.Direction == MessageResource.DirectionEnum.Inbound && m.To == number && m.Sid is { Length: > 0 }
                    && m.From?.ToString() is { Length: > 0 } && TwilioMessageLog.SentOrCreatedUtc(m) >= sinceUtc)
                .Reverse() // Twilio lists newest first
                .Select((m, index) => (Message: m, Index: index))
                .OrderBy(m => TwilioMessageLog.SentOrCreatedUtc(m.Message)).ThenBy(m => m.Index)
                .Select(m => new InboundText(m.Message.Sid, m.Message.From.ToString(), number, m.Message.Body ?? "", OptOutType: null,
                    ProviderReceivedAtUtc: TwilioMessageLog.SentOrCreatedUtc(m.Message), Recovered: true)),
        ];
    }
}
