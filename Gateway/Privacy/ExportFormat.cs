namespace Buddy.Gateway.Privacy;

/// <summary>
/// The forms an export is written in. CSV is a zip of one file per kind (see <see cref="CsvExportWriter"/>);
/// HTML is a printable summary. Serve every form as an attachment (Content-Disposition), never inline: the
/// HTML carries its own print styles, which the dashboard's Content-Security-Policy would rightly block.
/// </summary>
public enum ExportFormat
{
    Json,
    Csv,
    Html,
}

public static class ExportFormatExtensions
{
    public static string ContentType(this ExportFormat format) => format switch
    {
        ExportFormat.Json => "application/json",
        ExportFormat.Csv => "application/zip",
        ExportFormat.Html => "text/html; charset=utf-8",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>e.g. "buddy-export-3f2a1c9e-20260329.zip": the id, never the name, so a file name leaks nothing.</summary>
    public static string FileName(this ExportFormat format, Guid serviceUserId, DateTime exportedAtUtc) =>
        $"buddy-export-{serviceUserId:N}-{exportedAtUtc:yyyyMMdd}" + format switch
        {
            ExportFormat.Json => ".json",
            ExportFormat.Csv => ".zip",
            ExportFormat.Html => ".html",
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };

    public static bool TryParse(string? text, out ExportFormat format) =>
        Enum.TryParse(text, ignoreCase: true, out format) && Enum.IsDefined(format);
}
