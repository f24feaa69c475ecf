namespace Buddy.Domain.Schedules;

/// <summary>One day's check-in as the rule places it: the person's local date and the UTC instant it is due.</summary>
public readonly record struct CheckInOccurrence(DateOnly LocalDate, DateTime DueAtUtc);
