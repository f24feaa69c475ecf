namespace Buddy.Domain.Summaries;

/// <summary>An inclusive range of local dates, e.g. the days a pre-session summary covers.</summary>
public readonly record struct DateRange(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <summary>The same number of days immediately before this range: what a trend is compared with.</summary>
    public DateRange Previous() => new(From.AddDays(-Days), From.AddDays(-1));

    public IEnumerable<DateOnly> Dates()
    {
        for (var date = From; date <= To; date = date.AddDays(1))
        {
            yield return date;
        }
    }

    /// <summary>
    /// The default summary period: from the day of the last session to today, so the therapist sees exactly what
    /// happened since they last met. With no past session, the last <paramref name="fallbackDays"/> days (never
    /// before the person joined).
    /// </summary>
    public static DateRange SinceLastSession(DateOnly? lastSession, DateOnly today, DateOnly joined, int fallbackDays = 28)
    {
        var from = lastSession is { } last && last <= today ? last : today.AddDays(1 - fallbackDays);
        if (lastSession is null && from < joined)
        {
            from = joined <= today ? joined : today;
        }

        return new DateRange(from, today);
    }
}
