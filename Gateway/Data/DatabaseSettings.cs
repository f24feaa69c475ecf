using Buddy.Gateway.Hosting;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Buddy.Gateway.Data;

/// <summary>
/// <c>Database:Provider</c> and <c>ConnectionStrings:Buddy</c>, read and checked once at start-up, before the
/// container exists: the engine decides which EF Core provider is registered.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>Both bound and checked (<see cref="Settings"/>); a bad value stops start-up naming it.</summary>
    public static DatabaseSettings Read(IConfiguration configuration, string contentRoot) =>
        Settings.Read<Text, DatabaseSettings>(configuration, "", text => Checked(text, contentRoot));

    private static DatabaseSettings Checked(Text text, string contentRoot)
    {
        // The provider stays text when bound so a wrong one is named in Buddy's words.
        var provider = ProviderOf(text.Database.Provider)
            ?? throw new BadConfigurationException(
                $"Database:Provider is '{text.Database.Provider}', but Buddy supports only {string.Join(", ", Enum.GetNames<DatabaseProvider>()[..^1])} or {Enum.GetNames<DatabaseProvider>()[^1]}.");

        var connectionString = text.ConnectionStrings.Buddy;
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

    /// <summary>The two sections as typed.</summary>
    private sealed class Text
    {
        public DatabaseText Database { get; set; } = new();

        public ConnectionStringsText ConnectionStrings { get; set; } = new();
    }

    private sealed class DatabaseText
    {
        public string? Provider { get; set; }
    }

    private sealed class ConnectionStringsText
    {
        public string? Buddy { get; set; }
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
