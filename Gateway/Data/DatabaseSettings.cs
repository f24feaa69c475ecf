using Buddy.Gateway.Hosting;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Buddy.Gateway.Data;

/// <summary><c>Database:Provider</c> and <c>ConnectionStrings:Buddy</c>, read and checked once at start-up.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        // Read with the options binder before the container exists: the engine decides which EF Core provider is registered.
        var provider = ProviderOf(Settings.Read<DatabaseSection>(configuration, DatabaseSection.Name, DatabaseSection.Problem).Provider)!.Value;

        var connectionString = configuration.GetConnectionString("Buddy");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                throw new BadConfigurationException($"ConnectionStrings:Buddy is required when Database:Provider is {provider}.");
            }

            var dataFolder = Path.Combine(contentRoot, "data");
            connectionString = $"Data Source={Path.Combine(dataFolder, "buddy.db")}";
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            connectionString = PrepareSqlite(connectionString);
        }
        else if (provider == DatabaseProvider.SqlServer)
        {
            CheckSqlServer(connectionString);
        }

        return new DatabaseSettings(provider, connectionString);
    }

    /// <summary>The <c>Database</c> section as bound; the provider stays text so a wrong one is named in Buddy's words.</summary>
    private sealed class DatabaseSection
    {
        public const string Name = "Database";

        public string? Provider { get; set; }

        public static string? Problem(DatabaseSection section) => ProviderOf(section.Provider) is null
            ? $"{Name}:Provider is '{section.Provider}', but Buddy supports only {string.Join(", ", Enum.GetNames<DatabaseProvider>()[..^1])} or {Enum.GetNames<DatabaseProvider>()[^1]}."
            : null;
    }

    /// <summary>The engine named (SQLite when none is), or null when the name is not one Buddy supports.</summary>
    private static DatabaseProvider? ProviderOf(string? text) =>
        string.IsNullOrWhiteSpace(text) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(text, ignoreCase: true, out var provider) && Enum.IsDefined(provider) ? provider
            : null;

    private static void CheckSqlServer(string connectionString)
    {
        try
        {
            _ = new SqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new BadConfigurationException($"ConnectionStrings:Buddy is not a valid SQL Server connection string: {ex.Message}");
        }
    }

    /// <summary>Creates the folder for the file and sets a busy timeout so writers queue instead of failing.</summary>
    private static string PrepareSqlite(string connectionString)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new BadConfigurationException($"ConnectionStrings:Buddy is not a valid SQLite connection string: {ex.Message}");
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new BadConfigurationException("ConnectionStrings:Buddy for SQLite needs a file, e.g. 'Data Source=data/buddy.db'.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        if (builder.DefaultTimeout == 30)
        {
            builder.DefaultTimeout = 60;
        }

        return builder.ToString();
    }
}
