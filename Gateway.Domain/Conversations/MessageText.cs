namespace Buddy.Domain.Conversations;

/// <summary>Fills {Placeholder}s in a manager's template or one of Buddy's default texts.</summary>
public static class MessageText
{
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var text = template;
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }
}
