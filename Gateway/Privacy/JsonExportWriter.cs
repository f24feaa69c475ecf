using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Buddy.Gateway.Privacy;

/// <summary>
/// The machine-readable export: one document, one array per kind (named by its table), every column with its
/// stored value. Times are UTC (ISO 8601, "Z"); <c>timeZoneId</c> says how the person saw them.
/// </summary>
internal static class JsonExportWriter
{
    // Relaxed escaping keeps "+44...", accents and emoji readable in the file; it is served as a download,
    // never embedded in a page, so the HTML-safe escaping of the default encoder buys nothing here.
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task WriteAsync(ServiceUserExport export, Stream output, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("format", "buddy-service-user-export");
        json.WriteNumber("formatVersion", ServiceUserExport.FormatVersion);
        json.WriteString("exportedAtUtc", export.ExportedAtUtc);
        json.WriteString("exportedBy", export.ExportedBy);
        json.WriteString("serviceUserId", export.ServiceUser.Id);
        json.WriteString("organisation", export.OrganisationName);
        json.WriteString("therapist", export.TherapistName);
        json.WriteString("timeZoneId", export.ServiceUser.TimeZoneId);

        json.WriteStartObject("counts");
        foreach (var section in export.Sections)
        {
            json.WriteNumber(section.Kind, section.Rows.Count);
        }

        json.WriteEndObject();
        foreach (var section in export.Sections)
        {
            json.WriteStartArray(section.Kind);
            foreach (var row in section.Rows)
            {
                json.WriteStartObject();
                foreach (var column in section.Columns)
                {
                    json.WritePropertyName(JsonNamingPolicy.CamelCase.ConvertName(column.Name));
                    JsonSerializer.Serialize(json, column.ValueOf(row), column.Property.PropertyType, s_options);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }
}
