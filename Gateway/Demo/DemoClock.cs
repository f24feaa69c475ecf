using Buddy.Gateway.Sms;

namespace Buddy.Gateway.Demo;

/// <summary>
/// The demo's clock: real time plus an offset that only ever moves forward, so a person trying Buddy in
/// /simulator can live a week of texts in minutes. Everything that asks "what is due now?" (the check-in
/// dispatcher, reminders, the session cycle, the outbox, the reply pipeline) reads it as their
/// <see cref="TimeProvider"/>; sign-in cookies keep real time. Exists only in Development with the SMS simulator.
/// </summary>
public sealed class DemoClock(TimeProvider real) : TimeProvider
{
    /// <summary>The keyed service the demo clock reads real time from (a fake clock in tests).</summary>
    public const string RealTimeKey = "real-time";

    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public static bool IsAllowed(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsDevelopment() && SmsSettings.Read(configuration).Provider == SmsProvider.Simulator;

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    public override long TimestampFrequency => real.TimestampFrequency;

    public override long GetTimestamp() => real.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        real.CreateTimer(callback, state, dueTime, period);

    /// <summary>Moves the demo forward; never back, since the database already holds what "happened".</summary>
    public void Advance(TimeSpan by)
    {
        if (by > TimeSpan.Zero)
        {
            Interlocked.Add(ref _offsetTicks, by.Ticks);
        }
    }

    /// <summary>Moves the demo forward to <paramref name="utc"/> when that is later than its now.</summary>
    public void AdvanceTo(DateTime utc) => Advance(utc - GetUtcNow().UtcDateTime);
}
