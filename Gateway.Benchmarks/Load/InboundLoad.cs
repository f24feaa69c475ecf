using System.Diagnostics;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Sms.Twilio;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Benchmarks.Load;

/// <summary>
/// <c>inbound-load</c>: correctly signed Twilio inbound webhooks from known service users at a fixed rate, first
/// against the empty Kestrel endpoint and then against the real gateway on a fresh database; then checks that
/// every accepted MessageSid is stored exactly once and waits for the background processor to turn them into
/// diary entries.
/// </summary>
internal static class InboundLoad
{
    public const string Verb = "inbound-load";

    // Replies like the corpus the parser is tested on; one in fifty carries risk, so safeguarding raises an alert
    // and a crisis reply goes through the outbox to the mock provider, as it would in service.
    private static readonly string[] s_replies =
    [
        "6 went to college, argued with mum",
        "8 good day, football with mates",
        "4 tired. stayed in most of the day",
        "7",
        "5 bit anxious about the appointment tomorrow",
        "9!! got the job",
        "3 not great, couldn't sleep",
        "6 ok day, cooked tea for everyone",
    ];

    /// <summary>The risk phrase one text in fifty carries (inbound-profile --risky 1 sends only this).</summary>
    internal const string RiskyReply = "2 I want to kill myself";

    /// <summary>The routine replies every inbound command sends (inbound-profile too), so their figures are for the same texts.</summary>
    internal static IReadOnlyList<string> RoutineReplies => s_replies;

    private static bool IsRisky(int index) => index % 50 == 49;

    public static async Task<int> RunAsync(LoadOptions options)
    {
        var provider = GatewayRun.ParseProvider(options.Text("database", "Sqlite"));
        var rate = options.Number("rate", 2000);
        var seconds = options.Number("seconds", 30);
        var users = (int)options.Number("service-users", 1000);
        var warmupSeconds = options.Number("warmup-seconds", 5);
        var drainTimeout = TimeSpan.FromSeconds(options.Number("drain-timeout", 600));
        var instances = options.Instances(provider);
        var cpu = CpuPinning.ServerCpuFor(options);
        var connections = (int)options.Number("connections", 0);

        Console.WriteLine(connections > 0
            ? $"inbound-load: {provider}, closed loop: {connections} connections each sending its next signed webhook when the last is answered, for {seconds} s " +
                $"(after {warmupSeconds} s warm-up the same way; at most {rate:N0}/s prepared), from {users:N0} service users"
            : $"inbound-load: {provider}, {rate:N0} signed webhooks/s for {seconds} s (after {warmupSeconds} s warm-up at the same rate), from {users:N0} service users");
        Console.WriteLine($"  machine: {Machine.Describe()}");
        if (cpu is not null)
        {
            await CpuPinning.PinThisProcessAsync();
        }

        Console.WriteLine($"  {CpuPinning.Describe(options, instances)}");
        Machine.PrintLoad("before the run");
        var runFolder = GatewayRun.NewRunFolder($"inbound-{provider}".ToLowerInvariant());
        Console.WriteLine($"  run folder (database file, server logs): {runFolder}");

        var runId = Guid.NewGuid().ToString("N")[..8];
        var warmup = Prepare(runId, "w", (int)(rate * warmupSeconds), users, signed: true);
        var measured = Prepare(runId, "m", (int)(rate * seconds), users, signed: true);

        // Open loop at the offered rate, or with --connections N a closed loop for the same time (the requests prepared
        // at --rate per second are then the most it can send).
        Task<LoadResult> Generate(IReadOnlyList<Uri> addresses, List<PreparedRequest> requests, double forSeconds) => connections > 0
            ? ClosedLoopGenerator.RunAsync(addresses, requests, connections, TimeSpan.FromSeconds(forSeconds), TwilioSignature.HeaderName)
            : OpenLoopGenerator.RunAsync(addresses, requests, rate, TwilioSignature.HeaderName);

        Console.WriteLine();
        Console.WriteLine("1. Empty Kestrel endpoint (own process, POST /sms/inbound answers empty TwiML, does nothing else)");
        LoadResult baseline;
        long baselinePeakKb;
        await using (var empty = ServerProcess.Start(GatewayRun.ToolDll, [EmptyEndpoint.Verb], new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, runFolder, "empty-endpoint", cpu))
        {
            await empty.WaitUntilListeningAsync("/", TimeSpan.FromSeconds(60));
            await Generate([empty.BaseAddress], warmup, warmupSeconds);
            var cpuBefore = empty.Meter.CpuSeconds;
            baseline = await Generate([empty.BaseAddress], measured, seconds);
            baselinePeakKb = empty.Meter.PeakKb;
            Console.WriteLine($"  {baseline.Summary()}");
            Console.WriteLine($"  server CPU {Cores(empty.Meter.CpuSeconds - cpuBefore, baseline.TotalTime)}; peak memory (VmHWM) {ProcessMeter.Mb(baselinePeakKb)}");
            Machine.PrintLoad("after the baseline");
        }

        Console.WriteLine();
        Console.WriteLine($"2. Buddy gateway (Release, Production settings, {provider}{(instances > 1 ? $", {instances} instances on the one database, requests spread round-robin" : "")})");
        var database = await LoadDatabase.CreateAsync(provider, runFolder);
        try
        {
            await GatewayRun.MigrateAsync(database, runFolder);
            var now = DateTime.UtcNow;
            await database.SeedAsync(users, sendRatePerSecond: 100, now, dueNowUtc: null);
            Console.WriteLine($"  {database.Description}: schema applied by the gateway's migrate verb; {users:N0} service users seeded");

            await using var mock = await MockTwilio.StartAsync();
            await using var gateways = await GatewayInstances.StartAsync(instances, GatewayRun.Environment(database, mock.BaseAddress, runFolder, options.Settings), runFolder, cpu);
            Console.WriteLine($"  gateway process {gateways.Ids()} (attach dotnet-trace or dotnet-counters to it to profile)");
            var warm = await Generate(gateways.Addresses, warmup, warmupSeconds);
            Console.WriteLine($"  warm-up: {warm.Succeeded:N0} of {warm.Count:N0} answered 2xx; p99 {warm.Percentile(99):0.0} ms");
            var cpuBefore = gateways.CpuSeconds;
            var result = await Generate(gateways.Addresses, measured, seconds);
            var cpuSeconds = gateways.CpuSeconds - cpuBefore;
            Console.WriteLine($"  {result.Summary()}");
            Console.WriteLine($"  gateway CPU {Cores(cpuSeconds, result.TotalTime)}; memory at the end of the load {gateways.Rss()}, peak so far (VmHWM) {gateways.Peaks()}");
            Machine.PrintLoad("after the load");

            var accepted = warm.AcceptedKeys.Concat(result.AcceptedKeys).ToList();
            var drain = await DrainAsync(database, runId, drainTimeout);
            var verdict = await VerifyAsync(database, runId, accepted, warm.Count + result.Count);
            var peakKb = gateways.PeakKb;
            Console.WriteLine($"  background processing: {drain}");
            Console.WriteLine($"  {verdict.Text}");
            Console.WriteLine($"  crisis replies texted to the mock provider: {mock.Received:N0}");
            var alerts = await AlertLatency.MeasureAsync(database, result, IsRisky);
            Console.WriteLine($"  {alerts} (measured run)");
            Console.WriteLine($"  gateway peak memory over the whole run (VmHWM): {gateways.Peaks()}");

            Console.WriteLine();
            Console.WriteLine($"Summary ({provider}, {rate:N0}/s offered for {seconds} s; load average now {Machine.Load()} on {Environment.ProcessorCount} CPUs; " +
                $"{(cpu is null ? "not pinned" : "pinned")}{(instances > 1 ? $"; {instances} gateways, figures combined, memory the largest of them" : "")})");
            Console.WriteLine("| server | answered 2xx/s | p50 ms | p90 ms | p99 ms | max ms | errors | peak memory |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |");
            Console.WriteLine(Row("empty Kestrel endpoint", baseline, baselinePeakKb));
            Console.WriteLine(Row($"Buddy gateway, {provider}{(instances > 1 ? $" x{instances}" : "")}", result, peakKb));
            Console.WriteLine($"| ratio gateway / empty | {result.Throughput / baseline.Throughput:0.00}x | {Ratio(result, baseline, 50)} | {Ratio(result, baseline, 90)} | {Ratio(result, baseline, 99)} | {Ratio(result, baseline, 100)} | | {(double)peakKb / baselinePeakKb:0.0}x |");
            if (connections > 0)
            {
                var stored = result.Throughput >= 5000 && verdict.NoneLost;
                Console.WriteLine($"Closed-loop target (at least 5,000 webhooks/s answered after being stored, each exactly once): {(stored ? "MET" : "NOT MET")} " +
                    $"[{result.Throughput:N0}/s over {connections} connections, lost {(verdict.NoneLost ? "none" : "SOME")}]");
            }

            var targets = result.Throughput >= rate * 0.98 && result.Percentile(99) < 50 && verdict.NoneLost && peakKb < 300 * 1024;
            Console.WriteLine($"Targets (2,000/s sustained, p99 < 50 ms, none lost, memory < 300 MB): {(targets ? "MET" : "NOT MET")}" +
                $" [throughput {(result.Throughput >= rate * 0.98 ? "ok" : "short")}, p99 {(result.Percentile(99) < 50 ? "ok" : "over")}, " +
                $"lost {(verdict.NoneLost ? "none" : "SOME")}, memory {(peakKb < 300 * 1024 ? "ok" : "over")}]");
            Console.WriteLine($"Safeguarding: {alerts}");
            return verdict.NoneLost ? 0 : 1;
        }
        finally
        {
            await database.DropAsync();
        }
    }

    private static string Row(string name, LoadResult result, long peakKb) =>
        $"| {name} | {result.Throughput:N0} | {result.Percentile(50):0.0} | {result.Percentile(90):0.0} | {result.Percentile(99):0.0} | {result.Percentile(100):0.0} | " +
        $"{(result.Succeeded == result.Count ? "none" : result.Outcomes())} | {ProcessMeter.Mb(peakKb)} |";

    private static string Ratio(LoadResult result, LoadResult baseline, double percentile) =>
        $"{result.Percentile(percentile) / Math.Max(baseline.Percentile(percentile), 0.001):0.0}x";

    private static string Cores(double cpuSeconds, TimeSpan wall) => $"{cpuSeconds:0.0} s over {wall.TotalSeconds:0.0} s = {cpuSeconds / wall.TotalSeconds:0.00} cores";

    /// <summary>Each request a unique MessageSid (SM + 32 hex, as Twilio's), from the service users in turn, signed over the public URL.</summary>
    private static List<PreparedRequest> Prepare(string runId, string phase, int count, int users, bool signed)
    {
        var url = GatewayRun.PublicBaseUrl + "/sms/inbound";
        var requests = new List<PreparedRequest>(count);
        for (var i = 0; i < count; i++)
        {
            var sid = $"SM{runId}{(phase == "w" ? "0" : "1")}{i:D23}";
            var body = IsRisky(i) ? RiskyReply : s_replies[i % s_replies.Length];
            var fields = new List<KeyValuePair<string, string>>
            {
                new("ToCountry", "GB"),
                new("SmsMessageSid", sid),
                new("NumMedia", "0"),
                new("SmsSid", sid),
                new("SmsStatus", "received"),
                new("Body", body),
                new("To", "+15005550006"),
                new("NumSegments", "1"),
                new("MessageSid", sid),
                new("AccountSid", GatewayRun.AccountSid),
                new("From", LoadDatabase.Phone(i % users)),
                new("ApiVersion", "2010-04-01"),
            };
            using var content = new FormUrlEncodedContent(fields);
            var bytes = content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            requests.Add(new PreparedRequest("/sms/inbound", bytes, signed ? TwilioSignature.Compute(GatewayRun.AuthToken, url, fields) : null, sid));
        }

        return requests;
    }

    /// <summary>Waits until nothing from this run is left in state Received (the processor has handled it all).</summary>
    private static async Task<string> DrainAsync(LoadDatabase database, string runId, TimeSpan timeout)
    {
        var prefix = "SM" + runId;
        var clock = Stopwatch.StartNew();
        int waiting;
        do
        {
            await using var db = database.Open();
            waiting = await db.InboundMessages.CountAsync(m => m.ProviderMessageId.StartsWith(prefix) && m.State == InboundState.Received);
            if (waiting > 0)
            {
                await Task.Delay(1000);
            }
        }
        while (waiting > 0 && clock.Elapsed < timeout);

        await using var counts = database.Open();
        var mine = counts.InboundMessages.Where(m => m.ProviderMessageId.StartsWith(prefix));
        var processed = await mine.CountAsync(m => m.State == InboundState.Processed);
        var diary = await mine.CountAsync(m => m.DiaryEntryId != null);
        var alerts = await counts.Alerts.CountAsync();
        return $"{processed:N0} processed ({diary:N0} into diary entries, {alerts:N0} safeguarding alerts), {waiting:N0} still waiting, " +
            $"{clock.Elapsed.TotalSeconds:0} s after the load ended{(waiting > 0 ? " (gave up waiting)" : "")}";
    }

    private sealed record Verdict(bool NoneLost, string Text);

    /// <summary>Every MessageSid answered 2xx must be in the table exactly once (the unique index allows no more, so "once" means "not lost").</summary>
    private static async Task<Verdict> VerifyAsync(LoadDatabase database, string runId, List<string> accepted, int offered)
    {
        var prefix = "SM" + runId;
        await using var db = database.Open();
        var stored = await db.InboundMessages.Where(m => m.ProviderMessageId.StartsWith(prefix))
            .GroupBy(m => m.ProviderMessageId).Select(g => new { Sid = g.Key, Rows = g.Count() }).ToListAsync();
        var rowsBySid = stored.ToDictionary(s => s.Sid, s => s.Rows, StringComparer.Ordinal);
        var missing = accepted.Count(sid => !rowsBySid.ContainsKey(sid));
        var duplicated = stored.Count(s => s.Rows > 1);
        var storedNotAccepted = rowsBySid.Keys.Except(accepted, StringComparer.Ordinal).Count();
        var ok = missing == 0 && duplicated == 0;
        return new Verdict(ok,
            $"exactly-once check: {accepted.Count:N0} of {offered:N0} webhooks (warm-up included) answered 2xx; {stored.Count:N0} MessageSids stored; " +
            $"accepted but missing {missing:N0}; stored more than once {duplicated:N0}; stored but not acknowledged {storedNotAccepted:N0} (Twilio would retry them, and the retry is deduplicated) => {(ok ? "NONE LOST, NONE DUPLICATED" : "FAILED")}");
    }
}
