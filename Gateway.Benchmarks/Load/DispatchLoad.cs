using System.Diagnostics;
using System.Globalization;
using Buddy.Domain.Sms;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Benchmarks.Load;

/// <summary>
/// <c>dispatch-load</c>: N service users whose daily check-in is due at the same minute, then the real gateway
/// started against the mock provider. Measures how long until every outbox row is handed over (the provider's
/// answer recorded), checks the mock received each text exactly once, and samples the gateway's memory.
/// </summary>
internal static class DispatchLoad
{
    public const string Verb = "dispatch-load";

    public static async Task<int> RunAsync(LoadOptions options)
    {
        var provider = GatewayRun.ParseProvider(options.Text("database", "Sqlite"));
        var users = (int)options.Number("service-users", 100_000);
        var timeout = TimeSpan.FromSeconds(options.Number("timeout", 900));
        var instances = options.Instances(provider);
        var cpu = CpuPinning.ServerCpuFor(options);

        // The run's pace and batch sizes, all configuration: the organisation's pace is the provider account's
        // limit (unthrottled here), and the scheduler and outbox take big batches and look again at once.
        var settings = new Dictionary<string, string>
        {
            ["Scheduling__DispatchIntervalSeconds"] = "1",
            ["Scheduling__BatchSize"] = users.ToString(CultureInfo.InvariantCulture),
            ["Sms__Outbox__BatchSize"] = "1000",
            ["Sms__Outbox__PollSeconds"] = "0.5",
        };
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        Console.WriteLine($"dispatch-load: {provider}, {users:N0} service users due at the same minute, texted through a local unthrottled mock of Twilio" +
            (instances > 1 ? $", {instances} gateway instances on the one database" : ""));
        Console.WriteLine($"  machine: {Machine.Describe()}");
        if (cpu is not null)
        {
            await CpuPinning.PinThisProcessAsync();
        }

        Console.WriteLine($"  {CpuPinning.Describe(options, instances)}");
        Machine.PrintLoad("before the run");
        var runFolder = GatewayRun.NewRunFolder($"dispatch-{provider}".ToLowerInvariant());
        Console.WriteLine($"  run folder (database file, gateway log): {runFolder}");
        Console.WriteLine($"  gateway settings for the run: {string.Join(", ", settings.Select(s => $"{s.Key}={s.Value}"))}; organisation pace 1,000,000 texts/s (unthrottled)");

        var database = await LoadDatabase.CreateAsync(provider, runFolder);
        try
        {
            await GatewayRun.MigrateAsync(database, runFolder);
            var now = DateTime.UtcNow;
            var due = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
            var seeding = Stopwatch.StartNew();
            await database.SeedAsync(users, sendRatePerSecond: 1_000_000, now, due);
            Console.WriteLine($"  {database.Description}: {users:N0} service users and schedules due at {due:HH:mm} UTC seeded in {seeding.Elapsed.TotalSeconds:0} s");

            await using var mock = await MockTwilio.StartAsync();
            var clock = Stopwatch.StartNew();
            await using var gateways = await GatewayInstances.StartAsync(instances, GatewayRun.Environment(database, mock.BaseAddress, runFolder, settings), runFolder, cpu);
            var started = clock.Elapsed;
            Console.WriteLine($"  gateway process{(instances > 1 ? "es" : "")} {gateways.Ids()} listening after {started.TotalSeconds:0.0} s; progress (seconds since the gateway processes started):");

            TimeSpan? allQueued = null;
            Progress progress;
            var lastPrint = TimeSpan.Zero;
            while (true)
            {
                progress = await ReadProgressAsync(database);
                if (allQueued is null && progress.OutboxRows >= users)
                {
                    allQueued = clock.Elapsed;
                }

                if (progress.HandedOver >= users || clock.Elapsed > timeout)
                {
                    break;
                }

                if (clock.Elapsed - lastPrint >= TimeSpan.FromSeconds(10))
                {
                    lastPrint = clock.Elapsed;
                    Console.WriteLine($"    {clock.Elapsed.TotalSeconds,5:0} s: {progress}; mock received {mock.Received:N0}; gateway memory {gateways.Rss()}; load {Machine.Load()}");
                }

                await Task.Delay(1000);
            }

            var elapsed = clock.Elapsed;
            var peakKb = gateways.PeakKb;
            var cpuSeconds = gateways.CpuSeconds;
            await Task.Delay(1000); // any answer still on the wire reaches the mock's count
            Console.WriteLine($"    {elapsed.TotalSeconds,5:0} s: {progress}; mock received {mock.Received:N0}");
            Machine.PrintLoad("at the end");

            var done = progress.HandedOver >= users;
            var received = mock.Received;
            var recipients = mock.Recipients;
            var twice = mock.RecipientsTextedMoreThanOnce;
            var exactlyOnce = received == users && recipients == users && twice == 0;
            Console.WriteLine();
            Console.WriteLine($"Summary ({provider}, {users:N0} due at once; load average now {Machine.Load()} on {Environment.ProcessorCount} CPUs; {(cpu is null ? "not pinned" : "pinned")})");
            Console.WriteLine("| engine | gateways | all outbox rows written | all handed over | texts/s overall | mock received | each once | gateway CPU (all) | peak memory (each) |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
            Console.WriteLine($"| {provider} | {instances} | {(allQueued is { } q ? $"{q.TotalSeconds:0} s" : "not reached")} | {(done ? $"{elapsed.TotalSeconds:0} s" : $"not within {timeout.TotalSeconds:0} s ({progress.HandedOver:N0} of {users:N0})")} | " +
                $"{progress.HandedOver / elapsed.TotalSeconds:N0} | {received:N0} to {recipients:N0} numbers | {(exactlyOnce ? "yes" : $"{twice:N0} texted twice, {users - recipients:N0} not texted")} | " +
                $"{cpuSeconds:0} s ({cpuSeconds / elapsed.TotalSeconds:0.00} cores) | {gateways.Peaks()} |");
            Console.WriteLine("Times are from starting the gateway process (start-up included; the schedules were already due)." +
                (instances > 1 ? $" The figures combine all {instances} gateways: the mock counts every text any of them sent." : ""));
            Console.WriteLine($"Targets (every row handed over within 60 s, each text once, memory < 300 MB): {(done && elapsed.TotalSeconds < 60 && exactlyOnce && peakKb < 300 * 1024 ? "MET" : "NOT MET")}");
            return done && exactlyOnce ? 0 : 1;
        }
        finally
        {
            await database.DropAsync();
        }
    }

    private sealed record Progress(int CheckIns, int OutboxRows, int Pending, int Sending, int HandedOver)
    {
        public override string ToString() =>
            $"{CheckIns:N0} check-ins, {OutboxRows:N0} outbox rows ({Pending:N0} pending, {Sending:N0} sending, {HandedOver:N0} handed over)";
    }

    private static async Task<Progress> ReadProgressAsync(LoadDatabase database)
    {
        await using var db = database.Open();
        var checkIns = await db.CheckIns.CountAsync();
        var byStatus = await db.OutboundMessages.GroupBy(m => m.Status).Select(g => new { Status = g.Key, Rows = g.Count() }).ToListAsync();
        int Rows(OutboundStatus status) => byStatus.Where(s => s.Status == status).Sum(s => s.Rows);
        var total = byStatus.Sum(s => s.Rows);
        var pending = Rows(OutboundStatus.Pending);
        var sending = Rows(OutboundStatus.Sending);
        return new Progress(checkIns, total, pending, sending, total - pending - sending);
    }
}
