using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Buddy.Gateway.Data;

/// <summary>
/// Conventions that make the model read like the hand-written SQL: snake_case columns and enums as text (flags
/// as integers) on every engine, then the engine's own (see <see cref="DatabaseDialect.ConfigureModel"/>).
/// </summary>
internal static class StoreConventions
{
    private static readonly ValueConverter<DateTime, DateTime> s_utc =
        new(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private static readonly ValueConverter<DateTime?, DateTime?> s_nullableUtc =
        new(v => v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);

    private static readonly ValueConverter<DateTimeOffset, DateTime> s_offsetAsUtc =
        new(v => v.UtcDateTime, v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));

    private static readonly ValueConverter<DateTimeOffset?, DateTime?> s_nullableOffsetAsUtc =
        new(v => v.HasValue ? v.Value.UtcDateTime : null, v => v.HasValue ? new DateTimeOffset(DateTime.SpecifyKind(v.Value, DateTimeKind.Utc)) : null);

    public static void Apply(ModelBuilder modelBuilder, DatabaseDialect dialect)
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
            }
        }

        dialect.ConfigureModel(modelBuilder);
    }

    /// <summary>For engines that read a DateTime back without its kind: every one Buddy stores is UTC.</summary>
    internal static void ReadDateTimesAsUtc(ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.ClrType == typeof(DateTime))
            {
                property.SetValueConverter(s_utc);
            }
            else if (property.ClrType == typeof(DateTime?))
            {
                property.SetValueConverter(s_nullableUtc);
            }
        }
    }

    /// <summary>A DateTimeOffset kept as the UTC DateTime it stands for, so every time column has one type.</summary>
    internal static void StoreDateTimeOffsetsAsUtc(ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.ClrType == typeof(DateTimeOffset))
            {
                property.SetValueConverter(s_offsetAsUtc);
            }
            else if (property.ClrType == typeof(DateTimeOffset?))
            {
                property.SetValueConverter(s_nullableOffsetAsUtc);
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
