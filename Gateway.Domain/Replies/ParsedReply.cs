using Buddy.Domain.Organisations;

namespace Buddy.Domain.Replies;

/// <summary>What a reply says, as the diary stores it.</summary>
/// <param name="Mood">The score on <paramref name="Scale"/>, or null when the reply gave none (never guessed).</param>
/// <param name="MoodNote">How the score was read when it needed interpreting, or why a number was not taken as one.</param>
/// <param name="Event">What they did, in their words, with the score taken out.</param>
/// <param name="Tags">Topics from the tag vocabulary, in vocabulary order; then, when no score was given, the day's
/// sentiment from faces and mood words ("positive" or "negative").</param>
/// <param name="IsCorrection">"sorry I meant 5": replaces today's score rather than adding a second entry.</param>
public sealed record ParsedReply(double? Mood, MoodScale Scale, string? MoodNote, string Event, IReadOnlyList<string> Tags, bool IsCorrection);
