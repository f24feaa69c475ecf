using System.Diagnostics;
using System.Globalization;

namespace Buddy.Gateway.CheckIns;

/// <summary>
/// Where one bulk dispatch batch spent its time (claim, reads, planning, inserts, schedule updates, commit), for the
/// debug log line, so a slow 19:00 can be read from the log rather than guessed at.
/// </summary>
internal sealed class DispatchPhases
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly List<(string Name, TimeSpan At)> _marks = [];

    public void Claimed() => Mark("claim");

    public void Loaded() => Mark("load");

    public void Planned() => Mark("plan");

    public void Inserted() => Mark("insert");

    public void Updated() => Mark("reschedule");

    public void Committed() => Mark("commit");

    public override string ToString()
    {
        var previous = TimeSpan.Zero;
        var parts = new List<string>(_marks.Count);
        foreach (var (name, at) in _marks)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {(at - previous).TotalMilliseconds:0} ms"));
            previous = at;
        }

        return string.Join(", ", parts);
    }

    private void Mark(string name) => _marks.Add((name, Stopwatch.GetElapsedTime(_started)));
}
