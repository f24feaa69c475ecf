using Serilog.Core;
using Serilog.Events;

namespace Buddy.Gateway.Hosting;

/// <summary>
/// The backstop behind <see cref="Redact"/>: whatever a log call passes, properties named like a message body
/// are replaced by their length and anything shaped like a phone number is masked.
/// </summary>
internal sealed class PersonalDataMaskingEnricher : ILogEventEnricher
{
    private static readonly HashSet<string> s_bodyNames = new(StringComparer.OrdinalIgnoreCase) { "Body", "MessageBody", "Text", "Reply" };

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is not ScalarValue { Value: string text })
            {
                continue;
            }

            var masked = s_bodyNames.Contains(name) ? Redact.Body(text) : Redact.PhoneNumbersIn(text);
            if (!ReferenceEquals(masked, text) && masked != text)
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(masked)));
            }
        }
    }
}
