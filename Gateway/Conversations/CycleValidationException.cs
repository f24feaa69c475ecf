namespace Buddy.Gateway.Conversations;

/// <summary>
/// A therapist's request the session-cycle services cannot carry out (unknown person, time in the past, person
/// opted out...). The message is one plain sentence, fit to show on the page that made the request.
/// </summary>
public sealed class CycleValidationException(string message) : Exception(message);
