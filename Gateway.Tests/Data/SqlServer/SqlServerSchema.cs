using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Buddy.Tests.Data.SqlServer;

/// <summary>
/// The tables, columns (type, nullability, collation, identity), primary keys, foreign keys and indexes that a
/// series of T-SQL scripts leaves behind, read statement by statement with ScriptDom. Index and constraint names
/// are left out (the scripts and EF Core name them differently); Quartz's QRTZ_ tables are Quartz's own.
/// </summary>
internal sealed class SqlServerSchema
{
    public SortedDictionary<string, SortedDictionary<string, string>> Columns { get; } = new(StringComparer.OrdinalIgnoreCase);

    public SortedSet<string> Keys { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each index's line in <see cref="Keys"/> by its name, so a later DROP INDEX can take it away.</summary>
    private readonly Dictionary<string, string> _indexes = new(StringComparer.OrdinalIgnoreCase);

    public static SqlServerSchema Read(IEnumerable<string> scripts)
    {
        var schema = new SqlServerSchema();
        foreach (var sql in scripts)
        {
            var script = TransactSql.Parse(sql, out var errors);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException(string.Join("\n", errors));
            }

            foreach (var statement in script.Batches.SelectMany(b => b.Statements))
            {
                schema.Apply(statement);
            }
        }

        return schema;
    }

    /// <summary>Everything as sorted lines, so two schemas compare with one readable diff.</summary>
    public IReadOnlyList<string> Describe() =>
        [.. Columns.SelectMany(t => t.Value.Select(c => $"{t.Key}.{c.Key}: {c.Value}")), .. Keys];

    private void Apply(TSqlStatement statement)
    {
        switch (statement)
        {
            case CreateTableStatement create when !IsQuartz(create.SchemaObjectName):
                var table = Name(create.SchemaObjectName);
                Columns[table] = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                AddColumns(table, create.Definition.ColumnDefinitions);
                foreach (var constraint in create.Definition.TableConstraints)
                {
                    AddConstraint(table, constraint, columns: null);
                }

                break;
            case AlterTableAddTableElementStatement alter when !IsQuartz(alter.SchemaObjectName):
                AddColumns(Name(alter.SchemaObjectName), alter.Definition.ColumnDefinitions);
                foreach (var constraint in alter.Definition.TableConstraints)
                {
                    AddConstraint(Name(alter.SchemaObjectName), constraint, columns: null);
                }

                break;
            case AlterTableAlterColumnStatement change when !IsQuartz(change.SchemaObjectName) && change.DataType is not null:
                // ALTER COLUMN restates the whole column: type, collation and nullability replace the old ones.
                var nullable = change.AlterTableAlterColumnOption != AlterTableAlterColumnOption.NotNull;
                Columns[Name(change.SchemaObjectName)][change.ColumnIdentifier.Value] = Type(change.DataType)
                    + (change.Collation is { } changed ? $" collate {changed.Value}" : "") + (nullable ? " null" : " not null");
                break;
            case CreateIndexStatement index when !IsQuartz(index.OnName):
                var filter = index.FilterPredicate is null ? "" : $" where {Normalise(TransactSql.Text(index.FilterPredicate))}";
                var line = $"{Name(index.OnName)}: {(index.Unique ? "unique index" : "index")} ({string.Join(", ", index.Columns.Select(Column))}){filter}";
                Keys.Add(line);
                _indexes[$"{Name(index.OnName)}.{index.Name.Value}"] = line;
                break;
            case DropIndexStatement drop:
                foreach (var dropped in drop.DropIndexClauses.OfType<DropIndexClause>())
                {
                    if (_indexes.Remove($"{Name(dropped.Object)}.{dropped.Index.Value}", out var removed))
                    {
                        Keys.Remove(removed);
                    }
                }

                break;
        }
    }

    private void AddColumns(string table, IList<ColumnDefinition> definitions)
    {
        foreach (var column in definitions)
        {
            var name = column.ColumnIdentifier.Value;
            var primaryKey = column.Constraints.OfType<UniqueConstraintDefinition>().Any(u => u.IsPrimaryKey);
            var nullable = column.Constraints.OfType<NullableConstraintDefinition>().FirstOrDefault()?.Nullable ?? !primaryKey;
            var description = Type(column.DataType)
                + (column.Collation is { } collation ? $" collate {collation.Value}" : "")
                + (column.IdentityOptions is not null ? " identity" : "")
                + (nullable ? " null" : " not null");
            Columns[table][name] = description;
            foreach (var constraint in column.Constraints)
            {
                AddConstraint(table, constraint, columns: [name]);
            }
        }
    }

    private void AddConstraint(string table, ConstraintDefinition constraint, IReadOnlyList<string>? columns)
    {
        switch (constraint)
        {
            case UniqueConstraintDefinition unique:
                var keyColumns = columns ?? [.. unique.Columns.Select(Column)];
                Keys.Add($"{table}: {(unique.IsPrimaryKey ? "primary key" : "unique")} ({string.Join(", ", keyColumns)})");
                break;
            case ForeignKeyConstraintDefinition foreign:
                var from = columns ?? [.. foreign.Columns.Select(c => c.Value)];
                var to = foreign.ReferencedTableColumns.Select(c => c.Value);
                var cascade = foreign.DeleteAction == DeleteUpdateAction.Cascade ? " on delete cascade" : "";
                Keys.Add($"{table}: foreign key ({string.Join(", ", from)}) references {Name(foreign.ReferenceTableName)} ({string.Join(", ", to)}){cascade}");
                break;
        }
    }

    private static string Type(DataTypeReference type)
    {
        var name = type.Name.BaseIdentifier.Value.ToLowerInvariant();
        if (type is ParameterizedDataTypeReference { Parameters.Count: > 0 } parameterised)
        {
            name += $"({string.Join(",", parameterised.Parameters.Select(p => p.Value.ToLowerInvariant()))})";
        }

        return name;
    }

    private static string Column(ColumnWithSortOrder column) => column.Column.MultiPartIdentifier.Identifiers[^1].Value;

    private static string Name(SchemaObjectName name) => name.BaseIdentifier.Value;

    private static bool IsQuartz(SchemaObjectName name) => name.BaseIdentifier.Value.StartsWith("QRTZ_", StringComparison.OrdinalIgnoreCase);

    /// <summary>A filter as both sides write it: no brackets, no N before a literal, single spaces, lower case.</summary>
    private static string Normalise(string predicate) =>
        System.Text.RegularExpressions.Regex.Replace(predicate.Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal)
            .Replace("N'", "'", StringComparison.Ordinal), @"\s+", " ").Trim().ToLowerInvariant();
}
