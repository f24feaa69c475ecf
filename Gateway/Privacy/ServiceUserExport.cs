using Buddy.Domain.ServiceUsers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Buddy.Gateway.Privacy;

/// <summary>Everything Buddy holds about one service user at one moment, ready to be written in any format.</summary>
public sealed record ServiceUserExport(
    DateTime ExportedAtUtc,
    string ExportedBy,
    ServiceUser ServiceUser,
    string OrganisationName,
    string? TherapistName,
    IReadOnlyList<ExportSection> Sections)
{
    /// <summary>Bumped when the shape of the files changes, so a records system can tell versions apart.</summary>
    public const int FormatVersion = 1;

    public ExportSection Section(string kind) => Sections.Single(s => s.Kind == kind);

    public IEnumerable<T> RowsOf<T>() => Sections.SelectMany(s => s.Rows).OfType<T>();
}

/// <summary>
/// All rows of one kind (one table), with the columns to show in declaration order. <see cref="Kind"/> is the
/// table name, e.g. "diary_entries"; it names the CSV file and the JSON property.
/// </summary>
public sealed record ExportSection(string Kind, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<object> Rows)
{
    public static ExportSection For(IEntityType entity, IReadOnlyList<object> rows)
    {
        // Declaration order reads better than EF's (key first, then alphabetical).
        var columns = entity.ClrType.GetProperties()
            .Where(p => entity.FindProperty(p.Name) is not null)
            .Select(p => new ExportColumn(p.Name, p))
            .ToList();
        return new ExportSection(entity.GetTableName()!, columns, rows);
    }
}

public sealed record ExportColumn(string Name, System.Reflection.PropertyInfo Property)
{
    public object? ValueOf(object row) => Property.GetValue(row);

    /// <summary>Times ending in "Utc" also get a local-time twin in the CSV and HTML, in the person's zone.</summary>
    public bool IsUtcTime => Name.EndsWith("Utc", StringComparison.Ordinal) &&
        (Property.PropertyType == typeof(DateTime) || Property.PropertyType == typeof(DateTime?));

    public string LocalName => Name[..^3] + "Local";
}
