namespace Buddy.Domain.Conversations;

/// <summary>Buddy's original two-step check-in: "How are you feeling?", then this.</summary>
public static class TwoStepTexts
{
    public const string DefaultSecondStep = "Thanks {FirstName}. And what have you been doing?";
}
