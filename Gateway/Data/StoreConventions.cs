using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Buddy.Gateway.Data;

/// <summary>
/// Conventions that make the model read like the hand-written SQL: snake_case columns, enums as text (flags as
/// integers), and UTC kept as UTC on SQLite, which stores DateTime as text and forgets the kind.
/// </summary>
internal static class StoreConventions
{
    private static readonly ValueConverter<DateTime, DateTime> s_utc =
        new(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private static readonly ValueConverter<DateTime?, DateTime?> s_nullableUtc =
        new(v => v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);

    public static void Apply(ModelBuilder modelBuilder, bool isSqlite)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table && !entity.IsOwned())
            {
                entity.SetTableName(table.Contains('_', StringComparison.Ordinal) ? table : ToSnakeCase(table));
            }

            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ToSnakeCase(property.Name));
                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (type.IsEnum && property.GetValueConverter() is null)
                {
                    var flags = type.IsDefined(typeof(FlagsAttribute), inherit: false);
                    property.SetProviderClrType(flags ? typeof(int) : typeof(string));
                }
                else if (isSqlite && property.ClrType == typeof(DateTime))
                {
                    property.SetValueConverter(s_utc);
                }
                else if (isSqlite && property.ClrType == typeof(DateTime?))
                {
                    property.SetValueConverter(s_nullableUtc);
                }
            }
        }
    }

    internal static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (i > 0 && (previousIsLowerOrDigit || (nextIsLower && char.IsUpper(name[i - 1]))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
