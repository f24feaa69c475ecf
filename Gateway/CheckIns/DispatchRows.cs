using Buddy.Domain.CheckIns;
using Buddy.Domain.Sms;

namespace Buddy.Gateway.CheckIns;

/// <summary>
/// What planning a batch of due schedules produced, before it is written: the new check-in and outbox rows, and each
/// schedule's claimed and next due time, grouped so a batch moves its schedules on with one UPDATE per distinct pair
/// (a whole service due at 19:00 today is next due at the same instant tomorrow).
/// </summary>
internal sealed class DispatchRows
{
    private readonly Dictionary<(DateTime? ClaimedDue, DateTime? NextDue), List<Guid>> _schedulesByDueTimes = [];

    public List<CheckIn> CheckIns { get; } = [];

    public List<OutboundMessage> Messages { get; } = [];

    /// <summary>The schedule was claimed at <paramref name="claimedDue"/> and moves to <paramref name="nextDue"/> (null: it has ended).</summary>
    public void Rescheduled(Guid scheduleId, DateTime? claimedDue, DateTime? nextDue)
    {
        if (!_schedulesByDueTimes.TryGetValue((claimedDue, nextDue), out var ids))
        {
            ids = [];
            _schedulesByDueTimes[(claimedDue, nextDue)] = ids;
        }

        ids.Add(scheduleId);
    }

    /// <summary>Each pair of claimed and next due time with the schedules that move between them.</summary>
    public IEnumerable<(DateTime? ClaimedDue, DateTime? NextDue, List<Guid> ScheduleIds)> NextDueTimes() =>
        _schedulesByDueTimes.Select(pair => (pair.Key.ClaimedDue, pair.Key.NextDue, pair.Value));
}
