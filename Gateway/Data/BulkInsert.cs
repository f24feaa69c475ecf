using System.Data.Common;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Buddy.Gateway.Data;

/// <summary>
/// Inserts many new rows of one entity in multi-row <c>INSERT ... VALUES (...), (...)</c> statements, in the caller's
/// open transaction, with nothing tracked. Columns, quoting and every value's conversion come from the EF model (the
/// same type mappings SaveChanges binds its parameters with: enums as text, SQLite's text dates and GUIDs), so the
/// rows are exactly what SaveChanges would have written. Used where thousands of rows are written at once (a whole
/// service's check-ins at 19:00): SaveChanges sends one INSERT per row on SQLite and a statement per row on the
/// others, which was most of the dispatcher's time. Unique indexes still refuse a second row: the engine's error
/// surfaces as it would from SaveChanges' own command, wrapped in a <see cref="DbUpdateException"/>.
/// </summary>
internal static class BulkInsert
{
    public static async Task InsertAsync<T>(BuddyDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties().Select(p => Column.Of(p, table)).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ";
        var rowsPerCommand = Math.Max(1, Math.Min(db.Dialect.MaxRowsPerInsert, db.Dialect.MaxParametersPerCommand / columns.Count));

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs in the caller's transaction, so it commits or rolls back with the rest.");

        // Every full chunk reuses one command with the same text, so an engine that keeps prepared statements per
        // command (SQLite) parses it once; only the last, shorter chunk needs a text of its own.
        DbCommand? command = null;
        try
        {
            for (var first = 0; first < rows.Count; first += rowsPerCommand)
            {
                var count = Math.Min(rowsPerCommand, rows.Count - first);
                if (command is null || command.Parameters.Count != count * columns.Count)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = Text(head, sql, count, columns.Count);
                }

                command.Parameters.Clear();
                for (var r = 0; r < count; r++)
                {
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var column = columns[c];
                        command.Parameters.Add(column.Parameter(command, sql, ParameterName(r, c, columns.Count), column.Property.GetValue(rows[first + r])));
                    }
                }

                try
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                catch (DbException ex)
                {
                    throw new DbUpdateException($"Bulk insert into {table.Name} failed: {ex.Message}", ex);
                }
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    internal static string ParameterName(int row, int column, int columns) => $"b{(row * columns) + column}";

    private static string Text(string head, ISqlGenerationHelper sql, int rows, int columns) =>
        Values(new StringBuilder(head, head.Length + (rows * columns * 8)), sql, rows, columns).ToString();

    /// <summary>Appends <c>(@b0, @b1, ...), (...)</c>: <paramref name="rows"/> rows of <paramref name="columns"/> parameters.</summary>
    internal static StringBuilder Values(StringBuilder text, ISqlGenerationHelper sql, int rows, int columns)
    {
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++)
            {
                text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(ParameterName(r, c, columns)));
            }

            text.Append(')');
        }

        return text;
    }

    /// <summary>A property's column, and the type mapping SaveChanges would bind its values with.</summary>
    internal sealed record Column(bool Nullable, string Name, PropertyInfo Property, RelationalTypeMapping Mapping)
    {
        public static Column Of(IProperty property, StoreObjectIdentifier table) => new(
            property.IsNullable,
            property.GetColumnName(table) ?? throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} has no column."),
            property.PropertyInfo ?? throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} is a shadow property; bulk writes carry CLR properties only."),
            property.GetRelationalTypeMapping());

        public DbParameter Parameter(DbCommand command, ISqlGenerationHelper sql, string name, object? value) =>
            Mapping.CreateParameter(command, sql.GenerateParameterName(name), value, Nullable);
    }
}
