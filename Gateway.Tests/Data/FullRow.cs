using System.Collections;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Buddy.Tests.Data;

/// <summary>Builds an entity with every mapped property set to a non-default value, so a round-trip proves each column.</summary>
internal static class FullRow
{
    // Microsecond precision: PostgreSQL keeps microseconds, not .NET's 100 ns ticks.
    private static readonly DateTime s_when = new DateTime(2026, 3, 29, 1, 30, 15, DateTimeKind.Utc).AddTicks(1234560);

    public static object Create(IEntityType entity, IReadOnlyList<object> parents)
    {
        var row = Activator.CreateInstance(entity.ClrType)!;
        foreach (var property in entity.GetProperties().Where(p => p.PropertyInfo is { CanWrite: true }))
        {
            if (property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never && property.ClrType != typeof(Guid))
            {
                continue; // identity column: the database assigns it
            }

            var foreignKey = property.GetContainingForeignKeys().FirstOrDefault();
            var value = foreignKey is not null
                ? KeyOf(parents.Last(p => p.GetType() == foreignKey.PrincipalEntityType.ClrType), foreignKey.PrincipalKey.Properties[0])
                : ValueFor(Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType, property.Name);
            property.PropertyInfo!.SetValue(row, value);
        }

        return row;
    }

    public static void AssertSame(IProperty property, object? expected, object? actual)
    {
        if (expected is IEnumerable list and not string)
        {
            Assert.Equal(list.Cast<object>(), ((IEnumerable)actual!).Cast<object>());
            return;
        }

        Assert.True(Equals(expected, actual), $"{property.DeclaringType.ClrType.Name}.{property.Name}: wrote {expected}, read {actual}");
        if (expected is DateTime written)
        {
            Assert.Equal(written.Kind, ((DateTime)actual!).Kind);
        }
    }

    private static object KeyOf(object parent, IProperty key) => key.PropertyInfo!.GetValue(parent)!;

    private static object ValueFor(Type type, string name)
    {
        if (type == typeof(string))
        {
            return $"{name}-{Guid.NewGuid():N}"[..Math.Min(40, name.Length + 33)];
        }

        if (type == typeof(Guid))
        {
            return Guid.NewGuid();
        }

        if (type == typeof(int))
        {
            return 7;
        }

        if (type == typeof(long))
        {
            return 7L;
        }

        if (type == typeof(double))
        {
            return 6.5;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(DateTime))
        {
            return s_when;
        }

        if (type == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(s_when);
        }

        if (type == typeof(DateOnly))
        {
            return new DateOnly(2026, 3, 29);
        }

        if (type == typeof(TimeOnly))
        {
            return new TimeOnly(1, 30, 15);
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(values.Length - 1)!;
        }

        if (type == typeof(List<string>))
        {
            return new List<string> { "sleep", "family" };
        }

        if (type == typeof(List<Buddy.Domain.Safeguarding.RiskSubject>))
        {
            return new List<Buddy.Domain.Safeguarding.RiskSubject> { Buddy.Domain.Safeguarding.RiskSubject.SenderFromOthers, Buddy.Domain.Safeguarding.RiskSubject.ThirdParty };
        }

        throw new NotSupportedException($"FullRow has no sample value for {type.Name} ({name}); add one.");
    }
}
