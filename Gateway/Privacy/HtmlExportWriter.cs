using System.Globalization;
using System.Net;
using System.Text;
using Buddy.Domain.Audit;
using Buddy.Domain.CheckIns;
using Buddy.Domain.Diary;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Schedules;
using Buddy.Domain.Sessions;
using Buddy.Domain.Sms;
using Buddy.Domain.Summaries;
using Buddy.Gateway.Display;

namespace Buddy.Gateway.Privacy;

/// <summary>
/// The printable summary: one self-contained page (its styles inline, no scripts, nothing fetched) that a records
/// officer can print or save as PDF into the clinical record. Times are local to the person. Kinds this writer
/// does not know by name (added by later features) still appear, as plain tables, so nothing is left out.
/// </summary>
internal static class HtmlExportWriter
{
    private const string Styles = """
        body { font-family: Arial, sans-serif; font-size: 11pt; color: #212b32; margin: 2em; }
        h1 { font-size: 18pt; margin-bottom: 0.2em; }
        h2 { font-size: 13pt; margin-top: 1.6em; border-bottom: 2px solid #005eb8; page-break-after: avoid; }
        table { border-collapse: collapse; width: 100%; margin-top: 0.5em; }
        th, td { border: 1px solid #d8dde0; padding: 4px 6px; text-align: left; vertical-align: top; }
        th { background: #f0f4f5; }
        tr { page-break-inside: avoid; }
        dl { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; }
        dt { font-weight: bold; }
        .meta { color: #4c6272; }
        .risk { font-weight: bold; color: #d5281b; }
        @media print { body { margin: 0; } }
        """;

    public static async Task WriteAsync(ServiceUserExport export, Stream output, CancellationToken cancellationToken)
    {
        var html = Build(export);
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        await writer.WriteAsync(html.AsMemory(), cancellationToken);
    }

    internal static string Build(ServiceUserExport export)
    {
        var person = export.ServiceUser;
        var zone = person.TimeZoneId;
        var page = new Page();
        page.Raw($"<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Buddy record {person.Id:N}</title><style>{Styles}</style></head><body>");
        page.Element("h1", $"Buddy record: {person.DisplayName}");
        page.Element("p", $"Exported {ExportValues.Local(export.ExportedAtUtc, zone)} ({zone}) by {export.ExportedBy}. Buddy is not the record of truth; file this in the clinical record.", "meta");

        page.Raw("<h2>Person</h2><dl>");
        page.Term("Name", person.DisplayName);
        page.Term("First name", person.FirstName);
        page.Term("Mobile", person.PhoneE164);
        page.Term("External reference", person.ExternalReference);
        page.Term("Organisation", export.OrganisationName);
        page.Term("Therapist", export.TherapistName);
        page.Term("Status", DisplayWords.Status(person.Status, person.PausedUntil));
        page.Term("Consent to texts", $"{DisplayWords.Consent(person.Consent)} (changed {ExportValues.Local(person.ConsentChangedAtUtc, zone)})");
        page.Term("Registered", ExportValues.Local(person.CreatedAtUtc, zone));
        page.Term("Discharged", ExportValues.Local(person.DischargedAtUtc, zone));
        page.Term("Identifiable content removed", ExportValues.Local(person.AnonymisedAtUtc ?? person.ErasedAtUtc, zone));
        page.Term("Time zone", zone);
        page.Raw("</dl>");

        page.Raw("<h2>Contents</h2>");
        page.Table(["Kind", "Rows"], export.Sections.Select(s => new[] { s.Kind, s.Rows.Count.ToString(CultureInfo.InvariantCulture) }));

        var schedules = export.RowsOf<CheckInSchedule>().ToList();
        page.Section("Check-in schedule", ["Time", "Days", "Enabled", "Reminder after (min)", "From", "Until"], schedules.Select(s => new[]
        {
            ExportValues.Format(s.LocalTime), DisplayWords.Days(s.Days), ExportValues.Format(s.IsEnabled), ExportValues.Format(s.ReminderAfterMinutes),
            ExportValues.Format(s.StartDate), ExportValues.Format(s.EndDate),
        }));

        page.Section("Diary", ["Date", "Mood", "What they said", "Tags", "Risk", "Who is at risk", "Note"], export.RowsOf<DiaryEntry>().OrderBy(d => d.LocalDate).Select(d => new[]
        {
            ExportValues.Format(d.LocalDate), d.MoodScore is { } mood ? $"{ExportValues.Format(mood)} ({d.MoodScale})" : "no score",
            d.EventText, ExportValues.Format(d.Tags), DisplayWords.Risk(d.RiskLevel), RiskWords.Subjects(d.RiskSubjects), d.MoodNote ?? "",
        }));

        // A contact caution is the first column: whoever files or reads this must see it before anything else.
        page.Section("Alerts", ["Contact caution", "Raised", "Kind", "Severity", "Who is at risk", "Summary", "Matched", "Latest reply", "Acknowledged", "Note"], export.RowsOf<Alert>().OrderBy(a => a.CreatedAtUtc).Select(a => new[]
        {
            RiskWords.Caution(a.Caution) ?? "", ExportValues.Local(a.CreatedAtUtc, zone), DisplayWords.AlertKind(a.Kind), DisplayWords.Risk(a.Severity), RiskWords.Subjects(a.Subjects),
            a.Summary, a.MatchedPhrases ?? "", ExportValues.Local(a.LatestReplyAtUtc, zone),
            a.AcknowledgedAtUtc is null ? "OPEN" : ExportValues.Local(a.AcknowledgedAtUtc, zone), a.AcknowledgementNote ?? "",
        }));

        page.Section("Therapy sessions", ["When", "Status", "Where", "Agenda"], export.RowsOf<TherapySession>().OrderBy(s => s.StartsAtUtc).Select(s => new[]
        {
            ExportValues.Local(s.StartsAtUtc, zone), DisplayWords.Session(s.Status), s.Location ?? "", s.AgendaNotes ?? "",
        }));

        var messages = export.RowsOf<OutboundMessage>().Select(m => (At: m.CreatedAtUtc, Row: new[] { ExportValues.Local(m.CreatedAtUtc, zone), "Buddy to them", $"{DisplayWords.TextKind(m.Kind)}, {DisplayWords.Outbound(m.Status)}", m.Body }))
            .Concat(export.RowsOf<InboundMessage>().Select(m => (At: m.ReceivedAtUtc, Row: new[] { ExportValues.Local(m.ReceivedAtUtc, zone), "They to Buddy", DisplayWords.Inbound(m.State), m.Body })))
            .OrderBy(m => m.At)
            .Select(m => m.Row);
        page.Section("Texts", ["When", "Direction", "Kind / state", "Text"], messages);

        page.Section("Check-ins", ["Date", "Status", "Sent", "Answered", "Note"], export.RowsOf<CheckIn>().OrderBy(c => c.LocalDate).Select(c => new[]
        {
            ExportValues.Format(c.LocalDate), DisplayWords.CheckIn(c.Status), ExportValues.Local(c.SentAtUtc, zone), ExportValues.Local(c.AnsweredAtUtc, zone), c.Note ?? "",
        }));

        var known = new HashSet<Type> { typeof(Domain.ServiceUsers.ServiceUser), typeof(CheckInSchedule), typeof(DiaryEntry), typeof(Alert), typeof(TherapySession), typeof(OutboundMessage), typeof(InboundMessage), typeof(CheckIn), typeof(AuditEvent) };
        foreach (var section in export.Sections.Where(s => s.Rows.Count > 0 && !known.Contains(s.Rows[0].GetType())))
        {
            page.Section(section.Kind, section.Columns.Select(c => c.Name).ToList(), section.Rows.Select(r => section.Columns.Select(c =>
                c.IsUtcTime ? ExportValues.Local((DateTime?)c.ValueOf(r), zone) : ExportValues.Format(c.ValueOf(r))).ToArray()));
        }

        page.Section("Access and changes (audit)", ["When", "Who", "Action", "Detail"], export.RowsOf<AuditEvent>().OrderBy(a => a.OccurredAtUtc).Select(a => new[]
        {
            ExportValues.Local(a.OccurredAtUtc, zone), $"{a.ActorType} {a.ActorId}".Trim(), a.Action, a.Detail ?? "",
        }));

        page.Raw("</body></html>");
        return page.ToString();
    }

    /// <summary>A tiny HTML builder that encodes every piece of text it is given.</summary>
    private sealed class Page
    {
        private readonly StringBuilder _html = new();

        public void Raw(string html) => _html.Append(html);

        public void Element(string tag, string text, string? cssClass = null) =>
            _html.Append(CultureInfo.InvariantCulture, $"<{tag}{(cssClass is null ? "" : $" class=\"{cssClass}\"")}>{WebUtility.HtmlEncode(text)}</{tag}>");

        public void Term(string name, string? value) =>
            _html.Append(CultureInfo.InvariantCulture, $"<dt>{WebUtility.HtmlEncode(name)}</dt><dd>{WebUtility.HtmlEncode(string.IsNullOrEmpty(value) ? "-" : value)}</dd>");

        public void Section(string title, IReadOnlyList<string> headings, IEnumerable<string[]> rows)
        {
            Element("h2", title);
            var list = rows.ToList();
            if (list.Count == 0)
            {
                Element("p", "None.", "meta");
                return;
            }

            Table(headings, list);
        }

        public void Table(IReadOnlyList<string> headings, IEnumerable<string[]> rows)
        {
            _html.Append("<table><thead><tr>");
            foreach (var heading in headings)
            {
                Element("th", heading);
            }

            _html.Append("</tr></thead><tbody>");
            foreach (var row in rows)
            {
                _html.Append("<tr>");
                foreach (var cell in row)
                {
                    Element("td", cell);
                }

                _html.Append("</tr>");
            }

            _html.Append("</tbody></table>");
        }

        public override string ToString() => _html.ToString();
    }
}
