namespace Buddy.Gateway.Display;

/// <summary>
/// One line of the NHS.UK error summary (Pages/Shared/_ErrorSummary) for a page whose problems are not in its
/// ModelState: <see cref="Field"/> is the id of the input it links to (none: a line without a link), <see cref="Id"/>
/// an id for the line itself.
/// </summary>
public sealed record ErrorSummaryItem(string? Field, string Message, string? Id = null);
