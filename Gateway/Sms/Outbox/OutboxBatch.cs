using Buddy.Domain.Organisations;
using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Domain.Time;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sms.Outbox;

/// <summary>
/// A claim's rows, still this claim's, with what deciding them needs: their organisations (pace, quiet hours), and
/// for routine texts their service users (number, consent, discharge, time zone) and schedules (quiet hours). One
/// query for the whole batch (it was four, and three per row before that).
/// </summary>
internal sealed class OutboxBatch
{
    private readonly Dictionary<Guid, Organisation> _organisations;
    private readonly Dictionary<Guid, ServiceUser> _users;
    private readonly Dictionary<Guid, CheckInSchedule> _schedules;

    private OutboxBatch(List<OutboundMessage> rows, Dictionary<Guid, Organisation> organisations, Dictionary<Guid, ServiceUser> users, Dictionary<Guid, CheckInSchedule> schedules)
    {
        Rows = rows;
        _organisations = organisations;
        _users = users;
        _schedules = schedules;
    }

    /// <summary>The claimed rows still this claim's, in the claim's order.</summary>
    public IReadOnlyList<OutboundMessage> Rows { get; }

    public static async Task<OutboxBatch> LoadAsync(BuddyDbContext db, OutboxClaim claim, CancellationToken cancellationToken)
    {
        var ids = claim.Ids.ToList();
        var token = claim.Token;

        // One query: each row left-joined on keys to its organisation, its person and the person's schedule (one
        // a person), untracked: the answers are recorded by statements conditional on the claim token.
        var found = await (
            from m in db.OutboundMessages.AsNoTracking()
            where ids.Contains(m.Id) && m.ClaimToken == token && m.Status == OutboundStatus.Sending
            join o in db.Organisations.AsNoTracking() on m.OrganisationId equals o.Id into organisationOf
            from o in organisationOf.DefaultIfEmpty()
            join u in db.ServiceUsers.AsNoTracking() on m.ServiceUserId equals (Guid?)u.Id into userOf
            from u in userOf.DefaultIfEmpty()
            join s in db.CheckInSchedules.AsNoTracking() on m.ServiceUserId equals (Guid?)s.ServiceUserId into scheduleOf
            from s in scheduleOf.DefaultIfEmpty()
            select new { Message = m, Organisation = o, User = u, Schedule = s })
            .ToDictionaryAsync(r => r.Message.Id, cancellationToken);
        var rows = ids.Where(found.ContainsKey).Select(id => found[id].Message).ToList();
        var organisations = new Dictionary<Guid, Organisation>();
        var users = new Dictionary<Guid, ServiceUser>();
        var schedules = new Dictionary<Guid, CheckInSchedule>();
        foreach (var row in found.Values)
        {
            if (row.Organisation is not null)
            {
                organisations.TryAdd(row.Organisation.Id, row.Organisation);
            }

            if (row.User is not null)
            {
                users.TryAdd(row.User.Id, row.User);
            }

            if (row.Schedule is not null)
            {
                schedules.TryAdd(row.Schedule.ServiceUserId, row.Schedule);
            }
        }

        return new OutboxBatch(rows, organisations, users, schedules);
    }

    /// <summary>Why a claimed routine row must not go now (no number, opted out, discharged, quiet hours), or null to send it.</summary>
    public (string Code, string Text)? CancelReason(OutboundMessage message, DateTime now)
    {
        if (!message.Kind.IsRoutine() || message.ServiceUserId is not { } userId)
        {
            return null;
        }

        var user = UserOf(userId);
        if (user is null || user.PhoneE164 is null)
        {
            return (OutboxCancelReasons.NoPhone, "Cancelled: the service user no longer has a phone number on record.");
        }

        if (user.Consent == ConsentState.OptedOut)
        {
            return (OutboxCancelReasons.OptedOut, "Cancelled: the person opted out before it was sent.");
        }

        if (user.Status == ServiceUserStatus.Discharged)
        {
            return (OutboxCancelReasons.Discharged, "Cancelled: the person was discharged before it was sent.");
        }

        if (OrganisationOf(message) is { } organisation)
        {
            var quiet = QuietHours.For(organisation, ScheduleOf(userId));
            var local = LocalTimes.ToLocal(now, user.TimeZoneId).TimeOfDay.ToTimeOnly();
            if (quiet.Contains(local))
            {
                return (OutboxCancelReasons.QuietHours,
                    $"Cancelled: it would have arrived at {local:HH:mm} local time, inside quiet hours ({quiet.Start:HH:mm}-{quiet.End:HH:mm}).");
            }
        }

        return null;
    }

    public Organisation? OrganisationOf(OutboundMessage message) => _organisations.GetValueOrDefault(message.OrganisationId);

    public ServiceUser? UserOf(Guid serviceUserId) => _users.GetValueOrDefault(serviceUserId);

    public CheckInSchedule? ScheduleOf(Guid serviceUserId) => _schedules.GetValueOrDefault(serviceUserId);
}

/// <summary>
/// What became of one claimed row before it is recorded: finished without sending (given up, cancelled: a status,
/// code and text), answered by the provider (or by reconciliation), or released untouched because the gateway is stopping.
/// </summary>
/// <param name="MayHaveBeenSentSince">When the attempt started, for an answer that leaves the text possibly at the provider.</param>
/// <param name="OutcomeName">The metric's outcome tag when it is not the outcome's own (a reconciled text).</param>
internal sealed record Decision(
    OutboundStatus Status, string? Code, string? Text, SendOutcome? Outcome, DateTime? MayHaveBeenSentSince, string? OutcomeName, bool Released)
{
    public static Decision Release { get; } = new(OutboundStatus.Sending, null, null, null, null, null, Released: true);

    public static Decision Finished(OutboundStatus status, string code, string text) => new(status, code, text, null, null, null, Released: false);

    public static Decision Answered(SendOutcome outcome, DateTime? mayHaveBeenSentSince, string? outcomeName) =>
        new(OutboundStatus.Sending, null, null, outcome, mayHaveBeenSentSince, outcomeName, Released: false);
}
