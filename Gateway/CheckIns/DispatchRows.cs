using Buddy.Domain.CheckIns;
using Buddy.Domain.Sms;

namespace Buddy.Gateway.CheckIns;

/// <summary>
/// What planning a batch of due schedules produced, before it is written: the new check-in and outbox rows, and each
/// schedule's next due time, grouped so a batch moves its schedules on with one UPDATE per distinct time (a whole
/// service due at 19:00 is next due at the same instant tomorrow).
/// </summary>
internal sealed class DispatchRows
{
    private readonly Dictionary<DateTime, List<Guid>> _schedulesByNextDue = [];
    private readonly List<Guid> _ended = [];

    public List<CheckIn> CheckIns { get; } = [];

    public List<OutboundMessage> Messages { get; } = [];

    public void Rescheduled(Guid scheduleId, DateTime? nextDueAtUtc)
    {
        if (nextDueAtUtc is not { } next)
        {
            _ended.Add(scheduleId);
            return;
        }

        if (!_schedulesByNextDue.TryGetValue(next, out var ids))
        {
            ids = [];
            _schedulesByNextDue[next] = ids;
        }

        ids.Add(scheduleId);
    }

    /// <summary>Each next due time (null: the schedule has ended) with the schedules that move to it.</summary>
    public IEnumerable<(DateTime? NextDueAtUtc, List<Guid> ScheduleIds)> NextDueTimes() =>
        _schedulesByNextDue.Select(pair => ((DateTime?)pair.Key, pair.Value))
            .Concat(_ended.Count > 0 ? [((DateTime?)null, _ended)] : []);
}
