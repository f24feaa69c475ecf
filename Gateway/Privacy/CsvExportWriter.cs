using System.Globalization;
using System.IO.Compression;
using System.Text;
using Buddy.Gateway.Display;
using CsvHelper;

namespace Buddy.Gateway.Privacy;

/// <summary>
/// The export for filing: a zip holding one CSV per kind (service_users.csv, diary_entries.csv, ...) and a
/// README.txt manifest. One file per kind rather than one file with a "kind" column, because the kinds share
/// almost no columns: a single sheet would be mostly empty cells, and a records officer files diary entries,
/// alerts and messages into different parts of the clinical record, so each opens as its own tidy table.
/// Each time in UTC has a local-time twin in the person's zone. UTF-8 with a byte-order mark so Excel shows
/// names and emoji correctly; cells are escaped as <see cref="SpreadsheetCsv"/> says.
/// </summary>
internal static class CsvExportWriter
{
    public static async Task WriteAsync(ServiceUserExport export, Stream output, CancellationToken cancellationToken)
    {
        // The archive is built in memory first: ZipArchive needs a seekable stream and an HTTP response is not.
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var section in export.Sections)
            {
                await WriteEntryAsync(zip, $"{section.Kind}.csv", writer => WriteSectionAsync(writer, section, export.ServiceUser.TimeZoneId));
            }

            await WriteEntryAsync(zip, "README.txt", writer => writer.WriteAsync(Manifest(export)));
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    private static async Task WriteEntryAsync(ZipArchive zip, string name, Func<StreamWriter, Task> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = entry.Open();
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await write(writer);
    }

    private static async Task WriteSectionAsync(StreamWriter writer, ExportSection section, string timeZoneId)
    {
        await using var csv = new CsvWriter(writer, SpreadsheetCsv.Configuration, leaveOpen: true);
        foreach (var column in section.Columns)
        {
            csv.WriteField(column.Name);
            if (column.IsUtcTime)
            {
                csv.WriteField(column.LocalName);
            }
        }

        await csv.NextRecordAsync();
        foreach (var row in section.Rows)
        {
            foreach (var column in section.Columns)
            {
                var value = column.ValueOf(row);
                csv.WriteField(ExportValues.Format(value));
                if (column.IsUtcTime)
                {
                    csv.WriteField(ExportValues.Local((DateTime?)value, timeZoneId));
                }
            }

            await csv.NextRecordAsync();
        }
    }

    private static string Manifest(ServiceUserExport export)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Buddy export, format version {ServiceUserExport.FormatVersion}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Service user id: {export.ServiceUser.Id}");
        text.AppendLine(CultureInfo.InvariantCulture, $"External reference: {export.ServiceUser.ExternalReference}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Organisation: {export.OrganisationName}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Exported: {ExportValues.Format(export.ExportedAtUtc)} by {export.ExportedBy}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Times: columns ending 'Utc' are UTC; each has a 'Local' twin in {export.ServiceUser.TimeZoneId}.");
        text.AppendLine("Files (rows):");
        foreach (var section in export.Sections)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {section.Kind}.csv ({section.Rows.Count})");
        }

        return text.ToString();
    }
}
