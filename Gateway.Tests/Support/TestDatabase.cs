using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace Buddy.Tests.Support;

/// <summary>
/// A real, empty database for one test: a fresh SQLite file in the temp folder, or a fresh database on the
/// PostgreSQL server named by BUDDY_TEST_POSTGRES (or the SQL Server named by BUDDY_TEST_SQLSERVER). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _postgresName;
    private readonly string? _sqlServerName;

    private TestDatabase(DatabaseSettings settings, string? sqliteFile, string? postgresName, string? sqlServerName = null)
    {
        Settings = settings;
        _sqliteFile = sqliteFile;
        _postgresName = postgresName;
        _sqlServerName = sqlServerName;
    }

    public DatabaseSettings Settings { get; }

    public DatabaseProvider Provider => Settings.Provider;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        TestDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), "buddy-tests", $"{Guid.NewGuid():N}.db");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            database = new TestDatabase(new DatabaseSettings(provider, $"Data Source={file};Default Timeout=60"), file, null);
        }
        else if (provider == DatabaseProvider.SqlServer)
        {
            var server = SqlServerServer.ConnectionString
                ?? throw new InvalidOperationException("SQL Server tests need BUDDY_TEST_SQLSERVER.");
            var name = $"buddy_test_{Guid.NewGuid():N}";
            await using (var admin = new SqlConnection(server))
            {
                await admin.OpenAsync();
                await using var create = new SqlCommand($"CREATE DATABASE [{name}]", admin);
                await create.ExecuteNonQueryAsync();
            }

            var builder = new SqlConnectionStringBuilder(server) { InitialCatalog = name };
            database = new TestDatabase(new DatabaseSettings(provider, builder.ConnectionString), null, null, name);
        }
        else
        {
            var server = PostgresServer.ConnectionString
                ?? throw new InvalidOperationException(PostgresServer.MissingReason);
            var name = $"buddy_test_{Guid.NewGuid():N}";
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                await create.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
            database = new TestDatabase(new DatabaseSettings(provider, builder.ConnectionString), null, name);
        }

        if (migrate)
        {
            await database.MigrateAsync();
        }

        return database;
    }

    public Task<IReadOnlyList<SchemaScript>> MigrateAsync() =>
        new SchemaMigrator(Settings, NullLogger<SchemaMigrator>.Instance, TimeProvider.System).MigrateAsync();

    public BuddyDbContext CreateContext(params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<BuddyDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, Settings);
        options.AddInterceptors(interceptors);
        return new BuddyDbContext(options.Options);
    }

    /// <summary>Configuration keys that point a gateway (WebApplicationFactory or a child process) at this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> GatewaySettings() =>
    [
        new("Database:Provider", Provider.ToString()),
        new("ConnectionStrings:Buddy", Settings.ConnectionString),
    ];

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                try
                {
                    File.Delete(_sqliteFile + suffix);
                }
                catch (IOException)
                {
                    // A child process may still hold it; the temp folder is cleaned by the OS.
                }
            }
        }

        if (_sqlServerName is not null)
        {
            SqlConnection.ClearAllPools();
            await using var admin = new SqlConnection(SqlServerServer.ConnectionString);
            await admin.OpenAsync();
            await using var drop = new SqlCommand(
                $"ALTER DATABASE [{_sqlServerName}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_sqlServerName}]", admin);
            await drop.ExecuteNonQueryAsync();
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresServer.ConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
