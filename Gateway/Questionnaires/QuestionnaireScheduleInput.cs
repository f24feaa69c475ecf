using Buddy.Domain.Questionnaires;
using Buddy.Domain.Validation;
using Buddy.Gateway.Sessions;

namespace Buddy.Gateway.Questionnaires;

/// <summary>"Every N weeks from this local date at this time", as typed on the cycle page or sent to the API.</summary>
public sealed record QuestionnaireScheduleInput(int EveryWeeks, DateOnly FirstDate, TimeOnly LocalTime)
{
    public const int MaxWeeks = 26;

    /// <summary>Errors are keyed EveryWeeks, FirstDate and LocalTime.</summary>
    public static QuestionnaireScheduleInput? Parse(string? everyWeeks, string? firstDate, string? localTime, FieldErrors errors)
    {
        int? weeks = null;
        if (string.IsNullOrWhiteSpace(everyWeeks))
        {
            errors.Add("EveryWeeks", "Enter how many weeks apart, from 1 to 26");
        }
        else if (!int.TryParse(everyWeeks.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n is < 1 or > MaxWeeks)
        {
            errors.Add("EveryWeeks", "Enter a whole number of weeks from 1 to 26");
        }
        else
        {
            weeks = n;
        }

        var date = SessionBookingParser.ParseDate(firstDate, "FirstDate", "the date of the first one", errors);
        var time = SessionBookingParser.ParseTime(localTime, "LocalTime", "the time to send it", errors);
        return errors.IsValid ? new QuestionnaireScheduleInput(weeks!.Value, date!.Value, time!.Value) : null;
    }

    /// <summary>"phq9", "PHQ-9", "gad7", "GAD-7" (any case) as the questionnaire kind.</summary>
    public static QuestionnaireKind? ParseKind(string? text) =>
        (text ?? "").Replace("-", "", StringComparison.Ordinal).Trim().ToLowerInvariant() switch
        {
            "phq9" => QuestionnaireKind.Phq9,
            "gad7" => QuestionnaireKind.Gad7,
            _ => null,
        };
}
