using System.Globalization;
using CsvHelper.Configuration;

namespace Buddy.Gateway.Display;

/// <summary>
/// CSV for opening in a spreadsheet (the summary's diary download, the privacy export): RFC 4180 with CRLF, and a cell
/// that starts with = + - @ escaped, because the cells hold people's own words and a reply must never run as a formula.
/// </summary>
internal static class SpreadsheetCsv
{
    public static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
}
