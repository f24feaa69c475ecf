namespace Buddy.Gateway.Sessions;

/// <summary>A session as a therapist enters it: a local date and time in the service user's zone, and a place.</summary>
/// <param name="Location">A place ("Riverside Centre, room 2"), or "video" / "phone".</param>
public sealed record SessionBooking(DateOnly Date, TimeOnly Time, string Location);
