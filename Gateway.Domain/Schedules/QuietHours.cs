using Buddy.Domain.Organisations;

namespace Buddy.Domain.Schedules;

/// <summary>
/// A local-time window in which no routine text is ever sent. It may wrap past midnight (21:30-08:00).
/// Start == End means no quiet hours.
/// </summary>
public readonly record struct QuietHours(TimeOnly Start, TimeOnly End)
{
    public bool Contains(TimeOnly localTime) =>
        Start != End && (Start < End
            ? localTime >= Start && localTime < End
            : localTime >= Start || localTime < End);

    /// <summary>The schedule's own window when it sets one, otherwise the organisation's.</summary>
    public static QuietHours For(Organisation organisation, CheckInSchedule? schedule) =>
        schedule is { QuietHoursStart: { } start, QuietHoursEnd: { } end }
            ? new QuietHours(start, end)
            : new QuietHours(organisation.QuietHoursStart, organisation.QuietHoursEnd);
}
