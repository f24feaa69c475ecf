using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Buddy.Gateway.Data;

/// <summary>
/// Short lists stored as one comma-separated text column ("sleep,family", "Sender,SenderFromOthers"), so both engines
/// read them alike and a report can filter with LIKE. For small fixed vocabularies only: the values hold no commas.
/// </summary>
internal static class TextListConversions
{
    public static PropertyBuilder<List<string>> HasCommaSeparatedText(this PropertyBuilder<List<string>> property) =>
        property.HasConversion(
            values => string.Join(',', values),
            text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
            new ValueComparer<List<string>>(
                (a, b) => a!.SequenceEqual(b!),
                values => values.Aggregate(0, (hash, value) => HashCode.Combine(hash, value.GetHashCode(StringComparison.Ordinal))),
                values => values.ToList()));

    /// <summary>Enum values by name, so the column reads like every other enum column.</summary>
    public static PropertyBuilder<List<T>> HasCommaSeparatedNames<T>(this PropertyBuilder<List<T>> property)
        where T : struct, Enum =>
        property.HasConversion(
            values => string.Join(',', values.Select(v => v.ToString())),
            text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<T>).ToList(),
            new ValueComparer<List<T>>(
                (a, b) => a!.SequenceEqual(b!),
                values => values.Aggregate(0, (hash, value) => HashCode.Combine(hash, value.GetHashCode())),
                values => values.ToList()));
}
