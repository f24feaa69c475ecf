using Buddy.Domain.Organisations;
using Buddy.Domain.Time;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Organisations;

/// <summary><c>Gateway create-organisation --name N [--time-zone Z]</c>: a new tenant with Buddy's default texts and thresholds.</summary>
internal sealed class CreateOrganisationVerb(BuddyDbContext db, AuditTrail audit, TimeProvider clock) : ICommandVerb
{
    public const int MaxNameLength = 200;

    /// <summary>Where one-line errors go; tests capture it.</summary>
    internal TextWriter Error { get; set; } = Console.Error;

    public string Name => "create-organisation";

    public string Usage => "create-organisation --name N [--time-zone Europe/London]   add an organisation with default settings";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var options = VerbOptions.Parse(args, ["name", "time-zone"], out var error);
        if (options is null || options.Missing("name") is { } missing)
        {
            return await VerbErrors.UsageAsync(Error, this, error is { Length: > 0 } ? error : $"Missing {options?.Missing("name")}.");
        }

        var name = options["name"]!;
        if (name.Length > MaxNameLength)
        {
            return await VerbErrors.FailAsync(Error, $"The name must be {MaxNameLength} characters or fewer.");
        }

        var organisation = new Organisation { Name = name, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        if (options["time-zone"] is { } zone)
        {
            if (!LocalTimes.IsKnownZone(zone))
            {
                return await VerbErrors.FailAsync(Error, $"'{zone}' is not an IANA time zone (e.g. Europe/London).");
            }

            organisation.TimeZoneId = zone;
        }

        if (await db.Organisations.AnyAsync(o => o.Name == name, cancellationToken))
        {
            return await VerbErrors.FailAsync(Error, $"An organisation named '{name}' already exists.");
        }

        db.Organisations.Add(organisation);
        audit.Add(OperatorScope.For(organisation.Id), "organisation.created", null, entityType: AuditEntities.Organisation, entityId: organisation.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        await output.WriteLineAsync($"Created organisation '{organisation.Name}' ({organisation.Id}).");
        return 0;
    }
}
