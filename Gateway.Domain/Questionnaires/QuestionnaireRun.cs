namespace Buddy.Domain.Questionnaires;

/// <summary>
/// One questionnaire sent to one service user, item by item. The answers are kept in
/// <see cref="QuestionnaireAnswer"/> rows; the score and band are written once, on completion.
/// </summary>
public sealed class QuestionnaireRun
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganisationId { get; set; }
    public Guid ServiceUserId { get; set; }
    public QuestionnaireKind Kind { get; set; }
    public QuestionnaireStatus Status { get; set; } = QuestionnaireStatus.InProgress;
    public QuestionnaireSource Source { get; set; }
    public Guid? ScheduleId { get; set; }
    public Guid? RequestedByStaffId { get; set; }

    /// <summary>1-based number of the item waiting for an answer.</summary>
    public int CurrentItem { get; set; } = 1;

    /// <summary>The current item got an unclear answer and was asked once more; a second unclear reply is not forced.</summary>
    public bool CurrentItemReasked { get; set; }
    public DateTime StartedAtUtc { get; set; }

    /// <summary>When the current item was last texted; a check-in sent after this is the newer question.</summary>
    public DateTime LastPromptAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? CompletedAtUtc { get; set; }

    /// <summary>When it expired or was cancelled.</summary>
    public DateTime? ClosedAtUtc { get; set; }
    public int? TotalScore { get; set; }
    public Severity? Severity { get; set; }

    /// <summary>The risk item (PHQ-9 item 9) was answered above 0; a safeguarding alert was raised.</summary>
    public bool RiskFlagged { get; set; }

    /// <summary>Why it closed without completing (opted out, withdrawn by a therapist...).</summary>
    public string? CloseReason { get; set; }

    public bool IsOpenAt(DateTime nowUtc) => Status == QuestionnaireStatus.InProgress && ExpiresAtUtc > nowUtc;

    public void Close(QuestionnaireStatus status, DateTime nowUtc, string reason)
    {
        Status = status;
        ClosedAtUtc = nowUtc;
        CloseReason = reason;
    }
}
