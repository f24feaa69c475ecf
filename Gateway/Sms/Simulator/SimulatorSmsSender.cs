using System.Security.Cryptography;
using Buddy.Domain.Sms;

namespace Buddy.Gateway.Sms.Simulator;

/// <summary>
/// The built-in provider for demos and development: nothing leaves the machine. Every text is "delivered" at
/// once; the outbox row is the record, and /simulator shows it as the service user's phone would.
/// </summary>
public sealed class SimulatorSmsSender : ISmsSender
{
    public const string Number = "+15005550006";

    public string SenderId => Number;

    public Task<SendOutcome> SendAsync(SmsRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<SendOutcome>(new SendOutcome.Accepted(NewMessageSid(), OutboundStatus.Delivered));

    /// <summary>Shaped like Twilio's: "SM" and 32 hex digits.</summary>
    public static string NewMessageSid() => "SM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
