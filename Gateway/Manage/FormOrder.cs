using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace Buddy.Gateway.Manage;

/// <summary>
/// Puts a page's errors in the order its fields appear, as the NHS.UK error summary asks. ModelState keeps its keys
/// sorted by name, so without this "Enter the name" could follow the password rules. The order is the page model's
/// bound properties as declared (each form class declares its fields in the order the form shows them), nested
/// forms included; errors with keys the page does not declare keep their own order, after the rest.
/// </summary>
public static class FormOrder
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<string>> s_keys = new();

    public static IReadOnlyList<(string Key, string Message)> Sort(object? pageModel, IEnumerable<(string Key, string Message)> errors)
    {
        var keys = pageModel is null ? [] : s_keys.GetOrAdd(pageModel.GetType(), KeysOf);
        return [.. errors.Select((error, index) => (error, index))
            .OrderBy(e => Position(keys, e.error.Key))
            .ThenBy(e => e.index)
            .Select(e => e.error)];
    }

    private static int Position(IReadOnlyList<string> keys, string key)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (string.Equals(keys[i], key, StringComparison.OrdinalIgnoreCase) || key.StartsWith(keys[i] + ".", StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static IReadOnlyList<string> KeysOf(Type pageModel)
    {
        var keys = new List<string>();
        foreach (var property in pageModel.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            if (property.GetCustomAttribute<BindPropertyAttribute>() is { } bind)
            {
                Add(keys, bind.Name ?? property.Name, property.PropertyType, depth: 0);
            }
        }

        return keys;
    }

    private static void Add(List<string> keys, string prefix, Type type, int depth)
    {
        var fields = type.IsClass && type != typeof(string) && type != typeof(DateInput) && depth < 3
            ? type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).OrderBy(p => p.MetadataToken).ToList()
            : [];
        if (fields.Count == 0 || type.IsAssignableTo(typeof(System.Collections.IEnumerable)))
        {
            keys.Add(prefix);
            return;
        }

        foreach (var field in fields)
        {
            Add(keys, $"{prefix}.{field.Name}", field.PropertyType, depth + 1);
        }
    }
}
