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
        var columns = entityType.GetProperties()
            .Select(p => new Column(
                p.IsNullable,
                p.GetColumnName(table) ?? throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} has no column."),
                p.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} is a shadow property; bulk inserts write CLR properties only."),
                p.GetRelationalTypeMapping()))
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ";
        var rowsPerCommand = Math.Max(1, Math.Min(db.Dialect.MaxRowsPerInsert, db.Dialect.MaxParametersPerCommand / columns.Count));

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs in the caller's transaction, so it commits or rolls back with the rest.");
        for (var first = 0; first < rows.Count; first += rowsPerCommand)
        {
            var count = Math.Min(rowsPerCommand, rows.Count - first);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head, head.Length + (count * columns.Count * 8));
            for (var r = 0; r < count; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = sql.GenerateParameterName($"b{(r * columns.Count) + c}");
                    text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder($"b{(r * columns.Count) + c}"));
                    command.Parameters.Add(columns[c].Mapping.CreateParameter(command, name, columns[c].Property.GetValue(rows[first + r]), columns[c].Nullable));
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
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

    private sealed record Column(bool Nullable, string Name, PropertyInfo Property, RelationalTypeMapping Mapping);
}
