using System.Data.Common;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Privacy;

/// <summary>Reads every text column of every table, so a test can prove a string is nowhere in the database.</summary>
internal static class DatabaseText
{
    /// <summary>"table.column: needle" for each place a needle appears (case-insensitive).</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(BuddyDbContext db, IEnumerable<string> needles)
    {
        var wanted = needles.Where(n => n.Length > 0).Distinct().ToList();
        var found = new List<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            foreach (var (table, column) in await TextColumnsAsync(connection, db.Dialect.Provider))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var value = reader.GetString(0);
                    found.AddRange(wanted.Where(n => value.Contains(n, StringComparison.OrdinalIgnoreCase)).Select(n => $"{table}.{column}: {n}"));
                }
            }
        }
        finally
        {
            await connection.CloseAsync();
        }

        return found;
    }

    private static async Task<List<(string Table, string Column)>> TextColumnsAsync(DbConnection connection, DatabaseProvider provider)
    {
        var sql = provider switch
        {
            DatabaseProvider.Sqlite => "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND upper(p.type) = 'TEXT'",
            DatabaseProvider.Postgres => "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'character varying')",
            _ => "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = SCHEMA_NAME() AND data_type IN ('nvarchar', 'varchar')",
        };
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return columns;
    }
}
