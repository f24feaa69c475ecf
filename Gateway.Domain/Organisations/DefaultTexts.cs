namespace Buddy.Domain.Organisations;

/// <summary>The wording an organisation starts with; managers can change every one of them.</summary>
public static class DefaultTexts
{
    /// <summary>Buddy's crisis reply for UK numbers (see <see cref="Safeguarding.CrisisTexts"/> for the other countries).</summary>
    public const string Crisis =
        "We're worried about you. If you are in danger now, call 999. You can talk to Samaritans any time, free, on 116 123, or text SHOUT to 85258. " +
        "These texts are not watched around the clock, but we have let your worker know.";

    public const string Help =
        "This is Buddy, your daily check-in from your support service. Reply with how your day was. Text STOP to stop messages, START to restart.";

    public const string CheckIn = "Hi {FirstName}, how was today? Reply with a mood {ScaleRange} and what you did.";

    /// <summary>Buddy's original first question of a two-step check-in; "What have you been doing?" follows the reply.</summary>
    public const string TwoStepCheckIn = "Hi {FirstName}, how are you feeling? Reply with a mood {ScaleRange}.";

    public const string Reminder = "Hi {FirstName}, just a reminder: how was today? A number {ScaleRange} is enough.";

    public const string OptOutConfirmation = "You won't get any more Buddy texts. Text START at any time to restart.";

    public const string OptInConfirmation = "Welcome back to Buddy. Your daily check-ins will restart. Text STOP to stop.";
}
