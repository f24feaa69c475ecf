using Buddy.Domain.Organisations;
using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Time;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Buddy.Benchmarks.Load;

/// <summary>
/// A fresh database for one load run (a new SQLite file, or a new PostgreSQL database on the server named by
/// BUDDY_TEST_POSTGRES), its schema applied by the gateway's own <c>migrate</c> verb, and the seeding and
/// counting a run needs, done through the gateway's own EF model so it writes exactly what the gateway reads.
/// </summary>
internal sealed class LoadDatabase
{
    private LoadDatabase(DatabaseSettings settings, string description)
    {
        Settings = settings;
        Description = description;
    }

    public DatabaseSettings Settings { get; }

    public string Description { get; }

    /// <summary>The settings the gateway process gets for this database.</summary>
    public IReadOnlyDictionary<string, string> GatewayEnvironment => new Dictionary<string, string>
    {
        ["Database__Provider"] = Settings.Provider.ToString(),
        ["ConnectionStrings__Buddy"] = Settings.ConnectionString,
    };

    public static async Task<LoadDatabase> CreateAsync(DatabaseProvider provider, string runFolder)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(runFolder, "buddy.db");
            return new LoadDatabase(new DatabaseSettings(provider, $"Data Source={file}"), $"SQLite file {file}");
        }

        var server = Environment.GetEnvironmentVariable("BUDDY_TEST_POSTGRES")
            ?? throw new ArgumentException("--database Postgres needs the server in BUDDY_TEST_POSTGRES, which is not set: run eval \"$(.ci/postgres.sh)\" in the same shell first.");
        var name = $"buddy_load_{DateTime.UtcNow:yyyyMMdd_HHmmss}_{Guid.NewGuid().ToString("N")[..6]}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 100 };
        return new LoadDatabase(new DatabaseSettings(provider, builder.ConnectionString), $"PostgreSQL database {name} on {builder.Host}:{builder.Port}");
    }

    public BuddyDbContext Open()
    {
        var options = new DbContextOptionsBuilder<BuddyDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, Settings);
        return new BuddyDbContext(options.Options);
    }

    /// <summary>
    /// One organisation (pace <paramref name="sendRatePerSecond"/> texts a second) and <paramref name="count"/> opted-in
    /// service users with distinct numbers; with <paramref name="dueNowUtc"/>, each has a daily schedule due at that
    /// minute, and quiet hours are put twelve hours away so the run is never inside them whatever time it starts.
    /// </summary>
    public async Task<Organisation> SeedAsync(int count, double sendRatePerSecond, DateTime nowUtc, DateTime? dueNowUtc)
    {
        var local = LocalTimes.ToLocal(nowUtc, "Europe/London").TimeOfDay.ToTimeOnly();
        var organisation = new Organisation
        {
            Name = "Load test service",
            SendRatePerSecond = sendRatePerSecond,
            QuietHoursStart = local.AddHours(12),
            QuietHoursEnd = local.AddHours(13),
            CreatedAtUtc = nowUtc,
        };
        await using (var db = Open())
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
        }

        const int chunk = 5_000;
        for (var first = 0; first < count; first += chunk)
        {
            await using var db = Open();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = first; i < Math.Min(count, first + chunk); i++)
            {
                var user = new ServiceUser
                {
                    OrganisationId = organisation.Id,
                    DisplayName = $"Load User {i:D6}",
                    PhoneE164 = Phone(i),
                    Consent = ConsentState.OptedIn,
                    Status = ServiceUserStatus.Active,
                    CreatedAtUtc = nowUtc,
                    UpdatedAtUtc = nowUtc,
                };
                db.ServiceUsers.Add(user);
                if (dueNowUtc is { } due)
                {
                    db.CheckInSchedules.Add(new CheckInSchedule
                    {
                        OrganisationId = organisation.Id,
                        ServiceUserId = user.Id,
                        LocalTime = LocalTimes.ToLocal(due, user.TimeZoneId).TimeOfDay.ToTimeOnly(),
                        Days = CheckInDays.Everyday,
                        IsEnabled = true,
                        NextDueAtUtc = due,
                        UpdatedAtUtc = nowUtc,
                    });
                }
            }

            await db.SaveChangesAsync();
        }

        return organisation;
    }

    /// <summary>Distinct UK mobile-shaped numbers in Ofcom's range reserved for drama (07700 900000-900999) and beyond.</summary>
    public static string Phone(int index) => $"+447700{index:D6}";

    public async Task DropAsync()
    {
        if (Settings.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var database = new NpgsqlConnectionStringBuilder(Settings.ConnectionString).Database;
        await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable("BUDDY_TEST_POSTGRES"));
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
