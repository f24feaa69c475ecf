using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;

namespace Buddy.Gateway.CheckIns;

/// <summary>The outbox row for a routine text Buddy starts (check-in, reminder, one-off): Pending, for the SMS dispatcher to send.</summary>
internal static class RoutineText
{
    public static OutboundMessage To(ServiceUser person, OutboundKind kind, string body, string? dedupeKey, DateTime notBeforeUtc, DateTime nowUtc) => new()
    {
        OrganisationId = person.OrganisationId,
        ServiceUserId = person.Id,
        ToPhone = person.PhoneE164 ?? throw new InvalidOperationException("A routine text needs a phone number; check MayNotBeTexted first."),
        Body = body,
        Kind = kind,
        DedupeKey = dedupeKey,
        Status = OutboundStatus.Pending,
        NotBeforeUtc = notBeforeUtc,
        CreatedAtUtc = nowUtc,
    };
}
