namespace Buddy.Domain.Conversations;

/// <summary>
/// What an open conversation is waiting for, in routing priority: when several are open, the reply goes to the
/// first in this order (a questionnaire in progress beats an agenda question, which beats a goal question...).
/// </summary>
public enum ConversationKind
{
    /// <summary>The next item of a questionnaire (tracked by its run, never by a conversation row).</summary>
    Questionnaire,

    /// <summary>"Anything you want to talk about?" after an appointment reminder.</summary>
    Agenda,

    /// <summary>"Did you do it today?" after a goal reminder.</summary>
    GoalReply,

    /// <summary>"What have you been doing?", the second half of a two-step check-in.</summary>
    CheckInSecondStep,
}
