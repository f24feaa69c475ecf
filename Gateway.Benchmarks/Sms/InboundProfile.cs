using System.Diagnostics;
using System.Net.Http.Headers;
using Buddy.Benchmarks.Load;
using Buddy.Domain.CheckIns;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Sms.Inbound;
using Buddy.Gateway.Sms.Twilio;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Buddy.Benchmarks.Sms;

/// <summary>
/// <c>inbound-profile</c>: what one inbound text costs the gateway in bytes allocated and database commands, figures
/// that hold on a busy machine where wall-clock ones do not. The real gateway runs in this process (Production
/// settings as the load tools use, Twilio signatures checked) on a fresh database, and signed webhooks go to it
/// through the in-memory test server:
/// <list type="number">
/// <item>the same requests against an empty endpoint first (the client's and test server's own share, subtracted);</item>
/// <item>the webhook path alone (middleware, signature, form, group-commit store), with the processor given nothing;</item>
/// <item>webhook and processing together, waiting until every text is handled; the difference is the processor's share.</item>
/// </list>
/// <code>dotnet run -c Release --project Gateway.Benchmarks -- inbound-profile --database Sqlite --texts 4000 --check-ins 1</code>
/// <c>--check-ins 1</c> gives every service user a check-in sent an hour ago, so replies land on it (the diary's
/// check-in path); without it they become notes, as in inbound-load. <c>--risky 1</c> sends only inbound-load's risk
/// phrase, so every text takes the safeguarding path (with <c>--service-users 20</c>, as in inbound-load, each joins its
/// sender's open alert). CPU is the whole process's (user + system), so the empty endpoint's share is subtracted too.
/// </summary>
internal static class InboundProfile
{
    public const string Verb = "inbound-profile";

    public static async Task<int> RunAsync(LoadOptions options)
    {
        var provider = GatewayRun.ParseProvider(options.Text("database", "Sqlite"));
        var texts = (int)options.Number("texts", 4000);
        var users = (int)options.Number("service-users", 1000);
        var concurrency = (int)options.Number("concurrency", 32);
        var checkIns = options.Text("check-ins", "0") == "1";
        var risky = options.Text("risky", "0") == "1";
        Console.WriteLine($"inbound-profile: {provider}, {texts:N0} signed webhooks per phase from {users:N0} service users, {concurrency} at a time" +
            $"{(checkIns ? ", each with a check-in sent an hour ago" : "")}{(risky ? ", every text the risk phrase" : "")}");
        Console.WriteLine($"  machine: {Machine.Describe()}; GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");
        Machine.PrintLoad("before the run");

        var runFolder = GatewayRun.NewRunFolder($"profile-{provider}".ToLowerInvariant());
        var database = await LoadDatabase.CreateAsync(provider, runFolder);
        using var commands = new CommandCounter();
        using var sampler = new AllocationSampler();
        try
        {
            await using (var empty = EmptyApp())
            {
                await empty.StartAsync();
                var client = empty.GetTestClient();
                await SendAsync(client, Prepare("a0", 500, users, risky), concurrency); // warm-up
                var baseline = await MeasureAsync(() => SendAsync(client, Prepare("a1", texts, users, risky), concurrency), commands, sampler);
                sampler.TakeTop(0);
                Console.WriteLine($"1. empty endpoint (client + test server): {baseline.PerText(texts)}");

                await using (var gateway = Gateway(database, runFolder, options.Settings, starveProcessor: true))
                {
                    var gatewayClient = gateway.CreateClient();
                    await SeedAsync(database, users, checkIns);
                    await SendAsync(gatewayClient, Prepare("b0", 500, users, risky), concurrency); // warm-up: JIT, EF model, pools
                    var webhook = await MeasureAsync(() => SendAsync(gatewayClient, Prepare("b1", texts, users, risky), concurrency), commands, sampler);
                    Console.WriteLine($"2. gateway webhook path only:              {webhook.PerText(texts)}");
                    Console.WriteLine($"   minus the empty endpoint:               {(webhook - baseline).PerText(texts)}");
                    Console.WriteLine($"   sampled allocations by type:{Environment.NewLine}{sampler.TakeTop(25)}");

                    await SetAsideAsync(database); // phase 2's texts are not this phase's work
                    await using var processing = Gateway(database, runFolder, options.Settings, starveProcessor: false);
                    var processingClient = processing.CreateClient();
                    await SendAsync(processingClient, Prepare("c0", 500, users, risky), concurrency); // warm-up of the processor's path
                    await DrainAsync(database);
                    var both = await MeasureAsync(async () =>
                    {
                        await SendAsync(processingClient, Prepare("c1", texts, users, risky), concurrency);
                        await DrainAsync(database);
                    }, commands, sampler);
                    Console.WriteLine($"3. webhook + processing:                   {both.PerText(texts)}");
                    Console.WriteLine($"   processing alone (3 minus 2):           {(both - webhook).PerText(texts)}");
                    Console.WriteLine($"   sampled allocations by type:{Environment.NewLine}{sampler.TakeTop(25)}");
                }
            }

            await using var db = database.Open();
            Console.WriteLine($"  stored {await db.InboundMessages.CountAsync():N0}, processed {await db.InboundMessages.CountAsync(m => m.State == InboundState.Processed):N0}, " +
                $"diary entries {await db.DiaryEntries.CountAsync():N0}");
            var gc = GC.GetGCMemoryInfo();
            Console.WriteLine($"  process: peak memory (VmHWM) {ProcessMeter.Mb(PeakKb())}; GC pauses {GC.GetTotalPauseDuration().TotalMilliseconds:N0} ms in all; " +
                $"heap {gc.HeapSizeBytes / 1048576.0:0} MB, committed {gc.TotalCommittedBytes / 1048576.0:0} MB; concurrent GC {System.Runtime.GCSettings.LatencyMode != System.Runtime.GCLatencyMode.Batch}");
            Machine.PrintLoad("after the run");
            return 0;
        }
        finally
        {
            await database.DropAsync();
        }
    }

    /// <summary>This process's peak resident memory from the kernel (VmHWM), in KB.</summary>
    private static long PeakKb() =>
        File.ReadLines("/proc/self/status").Where(line => line.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();

    private sealed record Cost(long Bytes, long Commands, int Gen0, int Gen1, int Gen2, TimeSpan Wall, TimeSpan Cpu)
    {
        public static Cost operator -(Cost a, Cost b) =>
            new(a.Bytes - b.Bytes, a.Commands - b.Commands, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Wall - b.Wall, a.Cpu - b.Cpu);

        public string PerText(int texts) =>
            $"{Bytes / (double)texts / 1024:0.0} KB allocated/text, {Commands / (double)texts:0.00} database commands/text, " +
            $"{Cpu.TotalMilliseconds / texts:0.000} ms CPU/text " +
            $"(GCs gen0 {Gen0} gen1 {Gen1} gen2 {Gen2}; {texts / Wall.TotalSeconds:N0} texts/s wall, noisy)";
    }

    private static async Task<Cost> MeasureAsync(Func<Task> work, CommandCounter commands, AllocationSampler sampler)
    {
        sampler.Recording = true;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var (bytes, count, g0, g1, g2) = (GC.GetTotalAllocatedBytes(precise: true), commands.Count, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await work();
        sampler.Recording = false;
        return new Cost(GC.GetTotalAllocatedBytes(precise: true) - bytes, commands.Count - count,
            GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2, clock.Elapsed,
            Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    private static WebApplication EmptyApp()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        var app = builder.Build();
        app.MapPost("/sms/inbound", () => Results.Text(InboundWebhook.EmptyTwiml, "text/xml"));
        return app;
    }

    /// <summary>
    /// The real gateway in this process. Starved, its processor's routine lane takes nothing (and the sweep waits an
    /// hour), so the webhook path is measured alone; the texts stay Received for the next gateway's start-up sweep.
    /// </summary>
    private static WebApplicationFactory<Program> Gateway(LoadDatabase database, string runFolder, IReadOnlyDictionary<string, string> settings, bool starveProcessor) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in GatewayRun.Environment(database, new Uri("http://127.0.0.1:9"), runFolder, settings))
            {
                builder.UseSetting(key.Replace("__", ":", StringComparison.Ordinal), value);
            }

            builder.UseEnvironment("Production");
            builder.UseSetting("Sms:Outbox:PollSeconds", "3600"); // nothing to send: keep its polls out of the counts
            if (starveProcessor)
            {
                builder.UseSetting("Sms:Inbound:SweepSeconds", "3600");
                builder.ConfigureTestServices(services => services.AddSingleton(new InboundLanes(routineCapacity: 0)));
            }
        });

    private static async Task SeedAsync(LoadDatabase database, int users, bool checkIns)
    {
        var now = DateTime.UtcNow;
        await database.SeedAsync(users, sendRatePerSecond: 100, now, dueNowUtc: null);
        if (!checkIns)
        {
            return;
        }

        await using var db = database.Open();
        foreach (var user in await db.ServiceUsers.ToListAsync())
        {
            db.CheckIns.Add(new CheckIn
            {
                OrganisationId = user.OrganisationId,
                ServiceUserId = user.Id,
                LocalDate = DateOnly.FromDateTime(now),
                DueAtUtc = now.AddHours(-1),
                SentAtUtc = now.AddHours(-1),
                Status = CheckInStatus.Sent,
            });
        }

        await db.SaveChangesAsync();
    }

    private static async Task SetAsideAsync(LoadDatabase database)
    {
        await using var db = database.Open();
        await db.InboundMessages.Where(m => m.State == InboundState.Received)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.State, InboundState.Unmatched).SetProperty(m => m.Outcome, "set aside by inbound-profile"));
    }

    private static async Task DrainAsync(LoadDatabase database)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(10))
        {
            await using var db = database.Open();
            if (!await db.InboundMessages.AnyAsync(m => m.State == InboundState.Received))
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The processor did not handle every text within 10 minutes.");
    }

    /// <summary>Signed requests with unique MessageSids (SM + 32 hex: the run, the phase as two hex digits, the index).</summary>
    private static List<PreparedRequest> Prepare(string phase, int count, int users, bool risky)
    {
        var url = GatewayRun.PublicBaseUrl + "/sms/inbound";
        var requests = new List<PreparedRequest>(count);
        var run = Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < count; i++)
        {
            var sid = $"SM{run}{phase}{i:D24}";
            var fields = new List<KeyValuePair<string, string>>
            {
                new("ToCountry", "GB"), new("SmsMessageSid", sid), new("NumMedia", "0"), new("SmsSid", sid), new("SmsStatus", "received"),
                new("Body", risky ? InboundLoad.RiskyReply : InboundLoad.RoutineReplies[i % InboundLoad.RoutineReplies.Count]), new("To", "+15005550006"), new("NumSegments", "1"), new("MessageSid", sid),
                new("AccountSid", GatewayRun.AccountSid), new("From", LoadDatabase.Phone(i % users)), new("ApiVersion", "2010-04-01"),
            };
            using var content = new FormUrlEncodedContent(fields);
            requests.Add(new PreparedRequest("/sms/inbound", content.ReadAsByteArrayAsync().GetAwaiter().GetResult(), TwilioSignature.Compute(GatewayRun.AuthToken, url, fields), sid));
        }

        return requests;
    }

    private static async Task SendAsync(HttpClient client, List<PreparedRequest> requests, int concurrency)
    {
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests.Count)
            {
                using var message = new HttpRequestMessage(HttpMethod.Post, requests[i].Path) { Content = new ByteArrayContent(requests[i].Body) };
                message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
                message.Headers.Add(TwilioSignature.HeaderName, requests[i].Signature);
                using var response = await client.SendAsync(message);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"Webhook {requests[i].Key} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        });
        await Task.WhenAll(workers);
    }

    /// <summary>Every database command EF Core runs in this process, counted from its diagnostic events.</summary>
    private sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly IDisposable _subscription;
        private readonly List<IDisposable> _listeners = [];
        private long _count;

        public CommandCounter() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

        public long Count => Interlocked.Read(ref _count);

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_listeners)
                {
                    _listeners.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted.Name)
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _subscription.Dispose();
            lock (_listeners)
            {
                _listeners.ForEach(l => l.Dispose());
            }
        }
    }
}
