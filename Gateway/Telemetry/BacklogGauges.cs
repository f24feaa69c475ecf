using System.Diagnostics.Metrics;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Telemetry;

/// <summary>
/// What is waiting, on Buddy's meter: read from the database when a collector asks, because the database (not
/// one instance's memory) holds the backlog of every instance. A hosted service only so the host creates it at
/// start; it has nothing to run.
/// </summary>
internal sealed class BacklogGauges : IHostedService
{
    private readonly IDbContextFactory<BuddyDbContext> _contexts;
    private readonly TimeProvider _clock;

    public BacklogGauges(IMeterFactory meters, IDbContextFactory<BuddyDbContext> contexts, TimeProvider clock)
    {
        _contexts = contexts;
        _clock = clock;
        var meter = meters.Create(BuddyMetrics.MeterName);
        meter.CreateObservableGauge("buddy.inbound.backlog", InboundBacklog, "{message}", "Inbound texts stored and not yet handled.");
        meter.CreateObservableGauge("buddy.outbox.backlog", OutboxBacklog, "{message}", "Outbox rows due now and not yet handed to the provider.");
        meter.CreateObservableGauge("buddy.checkins.due", CheckInsDue, "{schedule}", "Enabled check-in schedules whose next check-in is due now.");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // The collector calls these on its own thread (every export interval), so a short synchronous count is fine.
    private IEnumerable<Measurement<long>> InboundBacklog() =>
        Count(db => db.InboundMessages.LongCount(m => m.State == InboundState.Received));

    private IEnumerable<Measurement<long>> OutboxBacklog()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return Count(db => db.OutboundMessages.LongCount(m => m.Status == OutboundStatus.Pending && m.NotBeforeUtc <= now));
    }

    private IEnumerable<Measurement<long>> CheckInsDue()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return Count(db => db.CheckInSchedules.LongCount(s => s.IsEnabled && s.NextDueAtUtc <= now));
    }

    private IEnumerable<Measurement<long>> Count(Func<BuddyDbContext, long> query)
    {
        try
        {
            using var db = _contexts.CreateDbContext();
            return [new Measurement<long>(query(db))];
        }
        catch (Exception ex) when (DatabaseStartup.IsUnreachable(ex))
        {
            return []; // no reading rather than a wrong one; /health says the database is down
        }
    }
}
