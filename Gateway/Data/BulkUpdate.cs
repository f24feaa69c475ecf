using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Buddy.Gateway.Data;

/// <summary>
/// Writes the changes of many tracked, modified rows in multi-row <c>UPDATE ... FROM (VALUES ...)</c> statements, in
/// the caller's open transaction: what SaveChanges would write, a statement per chunk of rows instead of one per row.
/// Rows are grouped by entity and by which properties changed, and each group sets only those columns, as SaveChanges
/// does (a column nobody in the batch changed is never written back over someone else's change). Concurrency tokens
/// are matched on their original values, and a statement that moves fewer rows than it carries throws
/// <see cref="DbUpdateConcurrencyException"/>, as SaveChanges would. Values go through the EF model's type mappings
/// (<see cref="BulkInsert.Column"/>). The entries are left as they were: the caller detaches them once written.
/// </summary>
internal static class BulkUpdate
{
    public static async Task UpdateAsync(BuddyDbContext db, IReadOnlyList<EntityEntry> entries, CancellationToken cancellationToken)
    {
        var groups = entries
            .Where(e => e.State == EntityState.Modified)
            .GroupBy(e => (e.Metadata, Changed: string.Join(',', e.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name))));
        foreach (var group in groups)
        {
            var changed = group.Key.Metadata.GetProperties().Where(p => group.First().Property(p.Name).IsModified && !p.IsPrimaryKey()).ToList();
            if (changed.Count > 0)
            {
                await UpdateGroupAsync(db, group.Key.Metadata, changed, [.. group], cancellationToken);
            }
        }
    }

    private static async Task UpdateGroupAsync(
        BuddyDbContext db, IEntityType entityType, List<IProperty> changed, List<EntityEntry> rows, CancellationToken cancellationToken)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var key = entityType.FindPrimaryKey()?.Properties is [var single] ? single
            : throw new InvalidOperationException($"{entityType.DisplayName()} needs a single-column key for a bulk update.");
        var tokens = entityType.GetProperties().Where(p => p.IsConcurrencyToken).ToList();

        // Each row carries its key, the changed columns' new values, then the tokens' original values: column1, ... in
        // the VALUES list, the names SQLite and PostgreSQL give them (SQL Server's dialect names them so).
        var current = new List<IProperty>([key, .. changed]);
        var columns = current.Concat(tokens).Select(p => BulkInsert.Column.Of(p, table)).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var target = sql.DelimitIdentifier(table.Name, table.Schema);
        var set = string.Join(", ", changed.Select((p, i) => $"{sql.DelimitIdentifier(columns[i + 1].Name)} = v.column{i + 2}"));
        var match = string.Join(" AND ", columns.Select((c, i) => (c, i)).Where(x => x.i == 0 || x.i >= current.Count)
            .Select(x => $"{target}.{sql.DelimitIdentifier(x.c.Name)} = v.column{x.i + 1}"));
        var rowsPerCommand = Math.Max(1, Math.Min(db.Dialect.MaxRowsPerUpdate, db.Dialect.MaxParametersPerCommand / columns.Count));

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk update runs in the caller's transaction, so it commits or rolls back with the rest.");
        foreach (var chunk in rows.Chunk(rowsPerCommand))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var values = BulkInsert.Values(new StringBuilder(chunk.Length * columns.Count * 8), sql, chunk.Length, columns.Count).ToString();
            command.CommandText = db.Dialect.BulkUpdateSql(target, set, match, values, columns.Count);
            for (var r = 0; r < chunk.Length; r++)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    var value = c < current.Count ? chunk[r].CurrentValues[current[c]] : chunk[r].OriginalValues[tokens[c - current.Count]];
                    command.Parameters.Add(columns[c].Parameter(command, sql, BulkInsert.ParameterName(r, c, columns.Count), value));
                }
            }

            int moved;
            try
            {
                moved = await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (DbException ex)
            {
                throw new DbUpdateException($"Bulk update of {table.Name} failed: {ex.Message}", ex);
            }

            if (moved != chunk.Length)
            {
                throw new DbUpdateConcurrencyException(
                    $"Bulk update of {table.Name} expected to change {chunk.Length} row(s) but changed {moved}: another writer changed or removed one since it was read.");
            }
        }
    }
}
