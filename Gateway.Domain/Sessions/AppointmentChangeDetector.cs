using Buddy.Domain.Conversations;

namespace Buddy.Domain.Sessions;

/// <summary>
/// Spots replies asking to cancel or move a session ("can't make it", "need to rearrange", "cant come tmrw"), so
/// they reach the therapist as a notice instead of becoming a diary entry. The bare word CANCEL never gets here:
/// it is an opt-out keyword the SMS pipeline honours first.
/// </summary>
public static class AppointmentChangeDetector
{
    private static readonly string[] s_phrases =
    [
        "cant make it", "cannot make it", "can not make it", "wont make it", "will not make it", "not going to make it",
        "not gonna make it", "cant make tomorrow", "cant make tmrw", "cant make the session", "cant make my session",
        "cant make my appointment", "cant make the appointment", "cant come", "cannot come", "can not come", "wont be able to come",
        "not able to come", "unable to come", "cant attend", "cannot attend", "unable to attend", "wont be there", "cant be there",
        "cant do tomorrow", "cant do tmrw", "need to rearrange", "rearrange", "re arrange", "reschedule", "re schedule",
        "move my appointment", "move my session", "move the appointment", "move the session", "change my appointment",
        "change my session", "change the appointment", "change the time", "different time", "different day", "postpone",
        "cancel my appointment", "cancel my session", "cancel the appointment", "cancel the session", "cancel tomorrow",
        "cancel tmrw", "cancel appointment", "cancel session", "cancelling tomorrow", "need to cancel", "have to cancel",
        "got to cancel", "gotta cancel", "want to cancel", "wanna cancel",
    ];

    /// <summary>The phrases found, or an empty list when the reply is not about changing a session.</summary>
    public static IReadOnlyList<string> Match(string reply)
    {
        var text = ReplyText.Normalise(reply);
        return [.. s_phrases.Where(p => ReplyText.ContainsPhrase(text, p))];
    }
}
