namespace Buddy.Gateway.Replies;

/// <summary>The <c>Replies</c> section. (The reply window is <c>Scheduling:ReplyWindowHours</c>, shared with check-in expiry.)</summary>
public sealed class ReplySettings
{
    /// <summary>Extra words per tag on top of Buddy's vocabulary, e.g. <c>"Replies:Tags:work": ["placement"]</c>. A new key adds a tag.</summary>
    public Dictionary<string, string[]> Tags { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
