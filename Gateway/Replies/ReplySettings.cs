namespace Buddy.Gateway.Replies;

/// <summary>The <c>Replies</c> section.</summary>
public sealed class ReplySettings
{
    /// <summary>How long after a check-in is sent a reply still belongs to it (unless the next check-in comes first).</summary>
    public double ReplyWindowHours { get; set; } = 18;

    /// <summary>Extra words per tag on top of Buddy's vocabulary, e.g. <c>"Replies:Tags:work": ["placement"]</c>. A new key adds a tag.</summary>
    public Dictionary<string, string[]> Tags { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
