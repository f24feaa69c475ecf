using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Buddy.Gateway.Api;

/// <summary>
/// Describes the risk fields in the OpenAPI document, where a client's developer reads them: the tier says what to
/// do, the subjects who is at risk, and a contact caution must be read before anyone calls or texts the person.
/// </summary>
internal sealed class RiskSchemaDescriptions : IOpenApiSchemaTransformer
{
    private const string Tier = "severity/riskLevel is the tier: High (crisis reply sent to the person, therapist and duty contact told), " +
        "Review (a human should look; no crisis text), None.";

    private const string Subjects = "Who is at risk at that tier: Sender (from themselves), SenderFromOthers (harm done to them by someone else: " +
        "abuse, violence, exploitation), ThirdParty (someone else is at risk, or they threaten someone).";

    private const string Cautions = "contactCautions come first: PhoneMayBeRead (someone else may read their phone) and DoNotCall (they asked not " +
        "to be called). Read them before calling or texting the person.";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(AlertResource))
        {
            schema.Description = $"An alert. A safeguarding alert gathers every risky reply the person sent while it was open (replies). {Cautions} {Tier} {Subjects}";
        }
        else if (type == typeof(AlertReplyResource))
        {
            schema.Description = $"One risky reply behind a safeguarding alert, with its own tier, subject and caution. {Cautions} {Tier} {Subjects}";
        }
        else if (type == typeof(EntryResource))
        {
            schema.Description = $"One day's diary entry. {Tier} riskSubjects: {Subjects}";
        }

        return Task.CompletedTask;
    }
}
