using Buddy.Domain.Time;
using Buddy.Gateway.Dashboard;
using Buddy.Gateway.Data;
using Buddy.Gateway.Caseloads;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sms.Inbound;

/// <summary>
/// For the manager's overview: how many of the organisation's service users' replies in a period reached Buddy only
/// through Twilio's log (the webhook missed them), and when that log was last read. Nothing personal, one organisation.
/// </summary>
public sealed class RecoveredTextsQuery(BuddyDbContext db, InboundRecoverySettings settings)
{
    public async Task<RecoveredTexts> LoadAsync(CaseloadScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == scope.OrganisationId, cancellationToken);
        var zone = LocalTimes.Zone(organisation.TimeZoneId);
        var startUtc = zone.AtStartOfDay(NodaTime.LocalDate.FromDateOnly(from)).ToDateTimeUtc();
        var endUtc = zone.AtStartOfDay(NodaTime.LocalDate.FromDateOnly(to.AddDays(1))).ToDateTimeUtc();
        var recovered = await db.InboundMessages.CountAsync(
            m => m.OrganisationId == scope.OrganisationId && m.RecoveredAtUtc != null && m.ReceivedAtUtc >= startUtc && m.ReceivedAtUtc < endUtc, cancellationToken);
        var status = await InboundRecoveryStatus.ReadAsync(db, cancellationToken);
        return new RecoveredTexts(
            settings.Enabled,
            recovered,
            status.LastRunUtc is { } last ? LocalDisplay.DateTime(last, organisation.TimeZoneId) : null,
            status.FailingNumbers > 0);
    }
}

/// <summary>The overview's line on recovered texts; <paramref name="LastChecked"/> in the organisation's local time.</summary>
public sealed record RecoveredTexts(bool Enabled, int Recovered, string? LastChecked, bool LastCheckFailed);
