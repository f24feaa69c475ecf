using Buddy.Gateway.Hosting;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Buddy.Gateway.Data;

/// <summary><c>Database:Provider</c> and <c>ConnectionStrings:Buddy</c>, read and checked once at start-up.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration["Database:Provider"];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            provider = DatabaseProvider.Sqlite;
        }
        else if (!Enum.TryParse(providerText, ignoreCase: true, out provider) || !Enum.IsDefined(provider))
        {
            throw new BadConfigurationException(
                $"Database:Provider is '{providerText}', but Buddy supports only {string.Join(", ", Enum.GetNames<DatabaseProvider>()[..^1])} or {Enum.GetNames<DatabaseProvider>()[^1]}.");
        }

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
