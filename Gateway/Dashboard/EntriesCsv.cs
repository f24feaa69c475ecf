using System.Globalization;
using Buddy.Domain.Organisations;
using Buddy.Domain.Summaries;
using Buddy.Domain.Time;
using Buddy.Gateway.Display;
using CsvHelper;

namespace Buddy.Gateway.Dashboard;

/// <summary>
/// The diary entries of a summary period as CSV, for filing in the clinical record: kinds and risk in words, and when
/// each was recorded both in the person's local time (with the zone named) and in UTC.
/// </summary>
public static class EntriesCsv
{
    public static async Task WriteAsync(TextWriter writer, IEnumerable<DiaryLine> diary, string timeZoneId)
    {
        await using var csv = new CsvWriter(writer, SpreadsheetCsv.Configuration, leaveOpen: true);
        csv.WriteField("date");
        csv.WriteField("kind");
        csv.WriteField("mood_score");
        csv.WriteField("mood_scale");
        csv.WriteField("mood_0_to_10");
        csv.WriteField("mood_note");
        csv.WriteField("what_happened");
        csv.WriteField("tags");
        csv.WriteField("risk_level");
        csv.WriteField("who_is_at_risk");
        csv.WriteField("recorded_at_local");
        csv.WriteField("time_zone");
        csv.WriteField("recorded_at_utc");
        await csv.NextRecordAsync();
        foreach (var line in diary)
        {
            var entry = line.Entry;
            csv.WriteField(entry.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(DisplayWords.DiaryKind(entry.Kind));
            csv.WriteField(entry.MoodScore?.ToString("0.##", CultureInfo.InvariantCulture) ?? "");
            csv.WriteField($"{entry.MoodScale.Minimum()}-{entry.MoodScale.Maximum()}");
            csv.WriteField(entry.MoodScore is { } score ? entry.MoodScale.ToTenPointScale(score).ToString("0.##", CultureInfo.InvariantCulture) : "");
            csv.WriteField(entry.MoodNote ?? "");
            csv.WriteField(entry.EventText);
            csv.WriteField(string.Join("; ", entry.Tags));
            csv.WriteField(DisplayWords.Risk(entry.RiskLevel));
            csv.WriteField(RiskWords.Subjects(entry.RiskSubjects));
            csv.WriteField(LocalTimes.ToLocal(entry.CreatedAtUtc, timeZoneId).ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture));
            csv.WriteField(timeZoneId);
            csv.WriteField(entry.CreatedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
    }
}
