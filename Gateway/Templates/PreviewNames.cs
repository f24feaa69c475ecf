using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Templates;
using Buddy.Gateway.Caseloads;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Templates;

/// <summary>
/// The first names a template's length is measured with: the organisation's longest (in the units a text is billed
/// in) and, when any name has a character outside GSM-7, the longest of those too, because such a name turns the
/// whole text into Unicode, where a part holds 70 characters instead of 160. Whichever makes the text longer is the
/// one the counter uses and names, so no real first name can push a text into another part unseen.
/// </summary>
public sealed class PreviewNames(CaseloadAccess caseloads)
{
    /// <summary>One or two names; <see cref="TemplatePlaceholders.SampleFirstName"/> (and IsSample) when there are no current service users.</summary>
    public async Task<(IReadOnlyList<string> Names, bool IsSample)> ForAsync(CaseloadScope scope, CancellationToken cancellationToken)
    {
        var people = await caseloads.ServiceUsers(scope).AsNoTracking()
            .Where(s => s.Status != ServiceUserStatus.Discharged && s.ErasedAtUtc == null)
            .Select(s => new { s.DisplayName, s.FirstName })
            .ToListAsync(cancellationToken);
        var names = people.Select(p => new ServiceUser { DisplayName = p.DisplayName, FirstName = p.FirstName }.GreetingName).Distinct().ToList();
        return (Candidates(names), names.Count == 0);
    }

    public static IReadOnlyList<string> Candidates(IReadOnlyCollection<string> names)
    {
        var gsm = names.Where(n => SmsSegments.Measure(n).Encoding == SmsEncoding.Gsm7).MaxBy(n => SmsSegments.Measure(n).Units);
        var unicode = names.Where(n => SmsSegments.Measure(n).Encoding == SmsEncoding.Ucs2).MaxBy(n => SmsSegments.Measure(n).Units);
        IReadOnlyList<string> found = [.. new[] { gsm, unicode }.OfType<string>()];
        return found.Count == 0 ? [TemplatePlaceholders.SampleFirstName] : found;
    }

    /// <summary>The candidate that makes <paramref name="body"/> longest (more parts, then more units), and the text it makes.</summary>
    public static (string Name, string Text, SmsLength Length) Longest(
        IReadOnlyList<string> candidates, TemplateKind kind, string body, Domain.Organisations.MoodScale scale, string organisationName) =>
        candidates.Select(name =>
            {
                var text = TemplatePlaceholders.Preview(kind, body, name, scale, organisationName);
                return (Name: name, Text: text, Length: SmsSegments.Measure(text));
            })
            .OrderByDescending(c => c.Length.Segments).ThenByDescending(c => c.Length.Units).First();
}
