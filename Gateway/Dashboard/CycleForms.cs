using Buddy.Gateway.Manage;

namespace Buddy.Gateway.Dashboard;

/// <summary>The session form of the cycle screen: records a new session, or moves one when <see cref="SessionId"/> is set.</summary>
public sealed class SessionForm
{
    /// <summary>Set when moving an existing session; empty records a new one.</summary>
    public Guid? SessionId { get; set; }
    public DateInput Date { get; set; } = new();

    /// <summary>A 24-hour text time (see <see cref="Domain.Time.TimeText"/>).</summary>
    public string? Time { get; set; }

    /// <summary>place, video or phone.</summary>
    public string? Mode { get; set; } = "place";
    public string? Place { get; set; }
}

/// <summary>The goal form of the cycle screen: adds a goal, or edits one when <see cref="GoalId"/> is set.</summary>
public sealed class GoalForm
{
    /// <summary>Set when editing an existing goal; empty adds a new one.</summary>
    public Guid? GoalId { get; set; }
    public string? Text { get; set; }
    public List<string> Days { get; set; } = [];
    public string? Time { get; set; } = "18:00";
}

/// <summary>The every-N-weeks questionnaire form of the cycle screen.</summary>
public sealed class QuestionnaireScheduleForm
{
    public string? Kind { get; set; }
    public string? EveryWeeks { get; set; } = "2";
    public DateInput FirstDate { get; set; } = new();
    public string? Time { get; set; } = "18:00";
}
