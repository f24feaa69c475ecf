using System.Net;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Buddy.Domain.CheckIns;
using Buddy.Domain.Diary;
using Buddy.Domain.Goals;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.Organisations;
using Buddy.Domain.Sessions;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Domain.Staff;
using Buddy.Domain.Summaries;
using Buddy.Gateway.Data;
using Buddy.Gateway.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Buddy.Benchmarks.Summaries;

/// <summary>
/// The pre-session summary for a service user with two years of daily entries (730 check-ins, ~620 diary entries
/// and raw texts, a goal answered most days, a PHQ-9 and a GAD-7 every two weeks) on SQLite and on PostgreSQL:
/// building it in memory, and the whole page over loopback HTTP on Kestrel (sign-in cookie, scope check, queries,
/// summary, SVG charts, Razor render, audit write). Target: under 100 ms at the median.
/// PostgreSQL runs when BUDDY_TEST_POSTGRES names a server (eval "$(.ci/postgres.sh)" sets it).
/// Run: dotnet run -c Release --project Gateway.Benchmarks -- --filter '*SummaryBenchmarks*'
/// </summary>
[Config(typeof(InProcessConfig))]
[MemoryDiagnoser]
public class SummaryBenchmarks : IDisposable
{
    private const string Password = "Bench-mark-2026!";
    private static readonly DateTime s_now = DateTime.UtcNow;

    private static readonly string? s_postgresAdmin = Environment.GetEnvironmentVariable("BUDDY_TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    private string _file = "";
    private string? _postgresDatabase;
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;
    private Guid _serviceUserId;
    private SummaryInput _twoYears = null!;
    private string _twoYearsQuery = "";

    [ParamsSource(nameof(Engines))]
    public DatabaseProvider Engine { get; set; }

    public static IEnumerable<DatabaseProvider> Engines()
    {
        yield return DatabaseProvider.Sqlite;
        if (s_postgresAdmin is not null)
        {
            yield return DatabaseProvider.Postgres;
        }
        else
        {
            Console.WriteLine("PostgreSQL skipped: set BUDDY_TEST_POSTGRES (eval \"$(.ci/postgres.sh)\") to measure it too.");
        }
    }

    // Synchronous on purpose: the in-process toolchain does not await an async global setup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        DatabaseSettings settings;
        if (Engine == DatabaseProvider.Postgres)
        {
            _postgresDatabase = $"buddy_bench_{Guid.NewGuid():N}";
            await using (var admin = new NpgsqlConnection(s_postgresAdmin))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", admin);
                await create.ExecuteNonQueryAsync();
            }

            settings = new DatabaseSettings(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(s_postgresAdmin) { Database = _postgresDatabase }.ConnectionString);
        }
        else
        {
            _file = Path.Combine(Path.GetTempPath(), $"buddy-bench-{Guid.NewGuid():N}.db");
            settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={_file}");
        }

        await new SchemaMigrator(settings, NullLogger<SchemaMigrator>.Instance, TimeProvider.System).MigrateAsync();
        var options = new DbContextOptionsBuilder<BuddyDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, settings);
        var staff = await SeedAsync(() => new BuddyDbContext(options.Options));

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            // Development: outside it the gateway serves only HTTPS and needs a real SMS provider, and this client
            // talks plain HTTP to loopback (the pages measured are the same in every environment).
            builder.UseEnvironment("Development");
            builder.UseSetting("Demo:SeedOnStart", "false");
            builder.UseSetting("Database:Provider", Engine.ToString());
            builder.UseSetting("ConnectionStrings:Buddy", settings.ConnectionString);
            builder.UseSetting("Identity:SecureCookiesOnly", "false");
            builder.UseSetting("Logging:DisableFile", "true");
            builder.UseSetting("Serilog:MinimumLevel", "Warning");
        });
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(staff, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        }

        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        await SignInAsync(staff.Email);

        var today = DateOnly.FromDateTime(s_now);
        _twoYearsQuery = $"?from={today.AddDays(-729):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        await using var db = new BuddyDbContext(options.Options);
        var range = new DateRange(today.AddDays(-729), today);
        _twoYears = new SummaryInput
        {
            Period = range,
            Today = today,
            OrganisationScale = MoodScale.ZeroToTen,
            DeteriorationDrop = 2,
            Entries = await db.DiaryEntries.AsNoTracking().ToListAsync(),
            CheckIns = await db.CheckIns.AsNoTracking().ToListAsync(),
            Replies = await db.InboundMessages.AsNoTracking().ToListAsync(),
        };

        // Fail fast if the page is not what we think we are measuring.
        var page = await _client.GetStringAsync($"/Dashboard/Summary/{_serviceUserId}{_twoYearsQuery}");
        if (!page.Contains("buddy-chart", StringComparison.Ordinal) || !page.Contains("id=\"scores-phq9\"", StringComparison.Ordinal) ||
            !page.Contains("id=\"goals\"", StringComparison.Ordinal) || !page.Contains("id=\"diary-page\"", StringComparison.Ordinal) ||
            Regex.Count(page, "buddy-diary__entry\"") != 100)
        {
            throw new InvalidOperationException("The summary page did not render the two-year summary with its first diary page.");
        }
    }

    private async Task CleanupAsync()
    {
        Dispose();
        await _factory.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(s_postgresAdmin);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(_file);
        }
    }

    public void Dispose()
    {
        _client?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Description = "Build summary, 2 years in memory")]
    public SessionSummary BuildTwoYears() => SummaryBuilder.Build(_twoYears);

    [Benchmark(Description = "GET summary page, since last session")]
    public async Task<int> PageSinceLastSession() => (await _client.GetByteArrayAsync($"/Dashboard/Summary/{_serviceUserId}")).Length;

    [Benchmark(Description = "GET summary page, whole 2 years (first diary page)")]
    public async Task<int> PageTwoYears() => (await _client.GetByteArrayAsync($"/Dashboard/Summary/{_serviceUserId}{_twoYearsQuery}")).Length;

    private async Task SignInAsync(string email)
    {
        var form = await _client.GetStringAsync("/Account/SignIn");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = Password, ["__RequestVerificationToken"] = token,
        });
        using var response = await _client.PostAsync("/Account/SignIn", content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}");
        }
    }

    private async Task<StaffMember> SeedAsync(Func<BuddyDbContext> createContext)
    {
        var organisation = new Organisation { Name = "Benchmark Trust", CreatedAtUtc = s_now };
        var therapist = new StaffMember { OrganisationId = organisation.Id, DisplayName = "Bench Therapist", Email = "bench@example.org", Role = StaffRole.Therapist, CreatedAtUtc = s_now };
        var person = new ServiceUser
        {
            OrganisationId = organisation.Id, TherapistId = therapist.Id, DisplayName = "Two Years", PhoneE164 = "+447700900123",
            CreatedAtUtc = s_now.AddDays(-740), UpdatedAtUtc = s_now.AddDays(-740),
        };
        _serviceUserId = person.Id;
        await using var db = createContext();
        db.AddRange(organisation, therapist, person);
        var random = new Random(42);
        var today = DateOnly.FromDateTime(s_now);
        string[] activities = ["went to college", "argued with mum", "saw friends", "stayed in bed", "football", "work shift", "walked the dog"];
        for (var day = 730; day >= 1; day--)
        {
            var date = today.AddDays(-day);
            var due = date.ToDateTime(new TimeOnly(19, 0), DateTimeKind.Utc);
            var answered = random.NextDouble() > 0.15;
            var checkIn = new CheckIn
            {
                OrganisationId = organisation.Id, ServiceUserId = person.Id, LocalDate = date, DueAtUtc = due, SentAtUtc = due,
                Status = answered ? CheckInStatus.Answered : CheckInStatus.Unanswered, AnsweredAtUtc = answered ? due.AddMinutes(25) : null,
            };
            db.Add(checkIn);
            if (!answered)
            {
                continue;
            }

            var text = $"{activities[random.Next(activities.Length)]}, then {activities[random.Next(activities.Length)]}";
            var score = Math.Clamp(5 + random.Next(-4, 5), 0, 10);
            var entry = new DiaryEntry
            {
                OrganisationId = organisation.Id, ServiceUserId = person.Id, LocalDate = date, CheckInId = checkIn.Id, MoodScore = score,
                MoodScale = MoodScale.ZeroToTen, EventText = text, Tags = [text.Split(' ')[0], "sleep"], CreatedAtUtc = due.AddMinutes(25), UpdatedAtUtc = due.AddMinutes(25),
            };
            db.Add(entry);
            db.Add(new InboundMessage
            {
                ProviderMessageId = $"SM{Guid.NewGuid():N}", OrganisationId = organisation.Id, ServiceUserId = person.Id, FromPhone = person.PhoneE164!,
                ToPhone = "+447700900999", Body = $"{score} {text}", ReceivedAtUtc = due.AddMinutes(25), State = InboundState.Processed, DiaryEntryId = entry.Id,
            });
        }

        db.Add(new TherapySession { OrganisationId = organisation.Id, ServiceUserId = person.Id, TherapistId = therapist.Id, StartsAtUtc = s_now.AddDays(-14), Status = SessionStatus.Attended, CreatedAtUtc = s_now });
        db.Add(new TherapySession
        {
            OrganisationId = organisation.Id, ServiceUserId = person.Id, TherapistId = therapist.Id, StartsAtUtc = s_now.AddDays(1), Status = SessionStatus.Scheduled,
            AgendaNotes = "sleep, and college", CreatedAtUtc = s_now,
        });

        // The session cycle: one goal answered most days, a PHQ-9 and a GAD-7 every two weeks (one risk-item answer).
        var goal = new Goal { OrganisationId = organisation.Id, ServiceUserId = person.Id, Text = "walk to the shop twice this week", CreatedAtUtc = s_now.AddDays(-730) };
        db.Add(goal);
        for (var day = 730; day >= 1; day--)
        {
            if (random.NextDouble() < 0.8)
            {
                var outcome = (GoalOutcome)random.Next(3);
                db.Add(new GoalProgress
                {
                    OrganisationId = organisation.Id, ServiceUserId = person.Id, GoalId = goal.Id, LocalDate = today.AddDays(-day), Outcome = outcome,
                    ReplyText = outcome == GoalOutcome.Done ? "done" : outcome == GoalOutcome.Partial ? "sort of" : "not today", RecordedAtUtc = s_now.AddDays(-day),
                });
            }
        }

        for (var fortnight = 52; fortnight >= 1; fortnight--)
        {
            foreach (var kind in new[] { QuestionnaireKind.Phq9, QuestionnaireKind.Gad7 })
            {
                var definition = QuestionnaireDefinitions.For(kind);
                var total = random.Next(0, definition.MaxScore + 1);
                var started = s_now.AddDays(-fortnight * 14);
                db.Add(new QuestionnaireRun
                {
                    OrganisationId = organisation.Id, ServiceUserId = person.Id, Kind = kind, Status = QuestionnaireStatus.Completed, Source = QuestionnaireSource.Scheduled,
                    StartedAtUtc = started, LastPromptAtUtc = started.AddMinutes(20), ExpiresAtUtc = started.AddDays(2), CompletedAtUtc = started.AddMinutes(20),
                    TotalScore = total, Severity = definition.SeverityFor(total), RiskFlagged = kind == QuestionnaireKind.Phq9 && fortnight == 3, CurrentItem = definition.ItemCount,
                });
            }
        }

        await db.SaveChangesAsync();
        return therapist;
    }

    /// <summary>In-process, so the gateway and its SQLite file live in the benchmark's own process.</summary>
    private sealed class InProcessConfig : ManualConfig
    {
        // Seeding two years into PostgreSQL on a busy machine outlasts the in-process toolchain's default 5-minute limit.
        public InProcessConfig() => AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)));
    }
}
