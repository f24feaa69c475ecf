using Buddy.Domain.CheckIns;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Domain.Time;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Buddy.Gateway.Sms.Twilio;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Overview;

/// <summary>One line of the overview: a therapist's caseload, the unassigned, or the whole service.</summary>
public sealed record OverviewRow(
    string Name, int ServiceUsers, int CheckInsSent, int CheckInsAnswered, int OptOuts, int FailedDeliveries, int Alerts, int OpenAlerts)
{
    /// <summary>Null when nothing was sent, so "no data" never reads as 0%.</summary>
    public double? ReplyRate => CheckInsSent == 0 ? null : (double)CheckInsAnswered / CheckInsSent;
}

/// <summary>Failed or undelivered texts with one provider error, in plain words.</summary>
public sealed record FailureReason(string? Code, string Words, int Count);

public sealed record ServiceOverviewReport(DateOnly From, DateOnly To, OverviewRow Service, IReadOnlyList<OverviewRow> ByTherapist, IReadOnlyList<FailureReason> Failures);

/// <summary>
/// The manager's view of how the service is doing over a period of local dates (the organisation's zone):
/// reply rates, opt-outs, failed deliveries and alerts, for the whole service and by therapist.
/// </summary>
public sealed class ServiceOverviewQuery(BuddyDbContext db)
{
    public const int MaxDays = 366;

    public async Task<ServiceOverviewReport> LoadAsync(CaseloadScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == scope.OrganisationId, cancellationToken);
        var zone = LocalTimes.Zone(organisation.TimeZoneId);
        var startUtc = zone.AtStartOfDay(NodaTime.LocalDate.FromDateOnly(from)).ToDateTimeUtc();
        var endUtc = zone.AtStartOfDay(NodaTime.LocalDate.FromDateOnly(to.AddDays(1))).ToDateTimeUtc();
        var orgId = scope.OrganisationId;

        var people = await db.ServiceUsers.AsNoTracking()
            .Where(s => s.OrganisationId == orgId && s.ErasedAtUtc == null)
            .Select(s => new { s.Id, s.TherapistId, s.Status, s.Consent, s.ConsentChangedAtUtc })
            .ToListAsync(cancellationToken);
        var checkIns = await db.CheckIns.AsNoTracking()
            .Where(c => c.OrganisationId == orgId && c.LocalDate >= from && c.LocalDate <= to && c.SentAtUtc != null)
            .Select(c => new { c.ServiceUserId, Answered = c.Status == CheckInStatus.Answered })
            .ToListAsync(cancellationToken);
        var failures = await db.OutboundMessages.AsNoTracking()
            .Where(m => m.OrganisationId == orgId && m.CreatedAtUtc >= startUtc && m.CreatedAtUtc < endUtc
                        && (m.Status == OutboundStatus.Failed || m.Status == OutboundStatus.Undelivered))
            .Select(m => new { m.ServiceUserId, m.ErrorCode })
            .ToListAsync(cancellationToken);
        var alerts = await db.Alerts.AsNoTracking()
            .Where(a => a.OrganisationId == orgId && a.CreatedAtUtc >= startUtc && a.CreatedAtUtc < endUtc)
            .Select(a => new { a.ServiceUserId, Open = a.AcknowledgedAtUtc == null })
            .ToListAsync(cancellationToken);
        var therapists = await db.StaffMembers.AsNoTracking()
            .Where(s => s.OrganisationId == orgId)
            .Select(s => new { s.Id, s.DisplayName })
            .ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);

        var therapistOf = people.ToDictionary(p => p.Id, p => p.TherapistId);
        OverviewRow Row(string name, Func<Guid?, bool> includes)
        {
            bool Mine(Guid? serviceUserId) => serviceUserId is { } id && therapistOf.TryGetValue(id, out var t) && includes(t);
            var mine = people.Where(p => includes(p.TherapistId)).ToList();
            var sent = checkIns.Where(c => Mine(c.ServiceUserId)).ToList();
            var raised = alerts.Where(a => Mine(a.ServiceUserId)).ToList();
            return new OverviewRow(
                name,
                mine.Count(p => p.Status != ServiceUserStatus.Discharged),
                sent.Count,
                sent.Count(c => c.Answered),
                mine.Count(p => p.Consent == ConsentState.OptedOut && p.ConsentChangedAtUtc >= startUtc && p.ConsentChangedAtUtc < endUtc),
                failures.Count(f => Mine(f.ServiceUserId)),
                raised.Count,
                raised.Count(a => a.Open));
        }

        var byTherapist = people.Select(p => p.TherapistId).Distinct()
            .Select(t => Row(t is { } id && therapists.TryGetValue(id, out var name) ? name : "Not assigned", x => x == t))
            .OrderBy(r => r.Name == "Not assigned").ThenBy(r => r.Name)
            .ToList();
        var service = Row(organisation.Name, _ => true) with { FailedDeliveries = failures.Count };
        var reasons = failures.GroupBy(f => f.ErrorCode)
            .Select(g => new FailureReason(g.Key, TwilioErrorCodes.Describe(g.Key), g.Count()))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Code)
            .ToList();
        return new ServiceOverviewReport(from, to, service, byTherapist, reasons);
    }
}
