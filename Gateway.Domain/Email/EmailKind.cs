namespace Buddy.Domain.Email;

public enum EmailKind
{
    /// <summary>"A Buddy reply needs urgent review": to the duty contact or a therapist without an alert phone.</summary>
    SafeguardingAlert,
}
