using System.Data.Common;
using Buddy.Gateway.Data;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Buddy.Tests.Data;

/// <summary>
/// The sql/ scripts own the schema and EF maps onto it. These tests apply the scripts to a real empty database
/// and prove the two agree: every mapped column exists with the same nullability, and every entity round-trips
/// a fully populated row.
/// </summary>
public sealed class SchemaMatchesModelTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Scripts_CreateEveryTableAndColumnTheModelMaps(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var context = database.CreateContext();
        var columns = await ReadColumnsAsync(context);

        var problems = new List<string>();
        foreach (var entity in context.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var identifier = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName(identifier)!;
                if (!columns.TryGetValue((table, column), out var nullable))
                {
                    problems.Add($"{table}.{column} ({entity.ClrType.Name}.{property.Name}) is mapped but not in the schema");
                }
                else if (nullable != property.IsColumnNullable(identifier))
                {
                    problems.Add($"{table}.{column}: schema says nullable={nullable}, model says {property.IsColumnNullable(identifier)}");
                }
            }

            var mapped = entity.GetProperties().Select(p => p.GetColumnName(identifier)).ToHashSet();
            problems.AddRange(columns.Keys.Where(k => k.Table == table && !mapped.Contains(k.Column))
                .Select(k => $"{k.Table}.{k.Column} is in the schema but not mapped by {entity.ClrType.Name}"));
        }

        Assert.Empty(problems);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task EveryEntity_RoundTripsAFullyPopulatedRow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var written = new List<object>();
        await using (var context = database.CreateContext())
        {
            // Insert in dependency order so foreign keys hold: parents first.
            foreach (var entity in OrderedByDependencies(context.Model))
            {
                var row = FullRow.Create(entity, written);
                context.Add(row);
                written.Add(row);
            }

            await context.SaveChangesAsync();
        }

        await using (var context = database.CreateContext())
        {
            foreach (var expected in written)
            {
                var entity = context.Model.FindEntityType(expected.GetType())!;
                var key = entity.FindPrimaryKey()!.Properties.Select(p => p.PropertyInfo!.GetValue(expected)).ToArray();
                var actual = await context.FindAsync(expected.GetType(), key);
                Assert.NotNull(actual);
                foreach (var property in entity.GetProperties().Where(p => p.PropertyInfo is not null))
                {
                    FullRow.AssertSame(property, property.PropertyInfo!.GetValue(expected), property.PropertyInfo.GetValue(actual));
                }
            }
        }
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Migrate_IsIdempotent_AndRecordsEachScriptOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var first = await database.MigrateAsync();
        var second = await database.MigrateAsync();

        Assert.Equal(SchemaScript.For(provider).Count, first.Count);
        Assert.Empty(second);
        await using var context = database.CreateContext();
        Assert.Equal(first.Count, await CountHistoryAsync(context));
    }

    internal static async Task<int> CountHistoryAsync(BuddyDbContext context)
    {
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM schema_history";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IEnumerable<IEntityType> OrderedByDependencies(IModel model)
    {
        var remaining = model.GetEntityTypes().Where(e => !e.IsOwned()).ToList();
        var done = new HashSet<IEntityType>();
        while (remaining.Count > 0)
        {
            var ready = remaining.First(e => e.GetForeignKeys().All(fk => fk.PrincipalEntityType == e || done.Contains(fk.PrincipalEntityType)));
            remaining.Remove(ready);
            done.Add(ready);
            yield return ready;
        }
    }

    private static async Task<Dictionary<(string Table, string Column), bool>> ReadColumnsAsync(BuddyDbContext context)
    {
        var sql = context.Dialect.Provider switch
        {
            DatabaseProvider.Sqlite => "SELECT m.name, p.name, CASE WHEN p.\"notnull\" = 0 AND p.pk = 0 THEN 1 ELSE 0 END FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'",
            DatabaseProvider.Postgres => "SELECT table_name, column_name, CASE WHEN is_nullable = 'YES' THEN 1 ELSE 0 END FROM information_schema.columns WHERE table_schema = 'public'",
            _ => "SELECT table_name, column_name, CASE WHEN is_nullable = 'YES' THEN 1 ELSE 0 END FROM information_schema.columns WHERE table_schema = SCHEMA_NAME()",
        };
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new Dictionary<(string, string), bool>();
        while (await reader.ReadAsync())
        {
            columns[(reader.GetString(0), reader.GetString(1))] = Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }

        return columns;
    }
}
