using Buddy.Domain.Staff;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Organisations;

namespace Buddy.Gateway.Staff;

/// <summary>
/// <c>Gateway create-staff --organisation N --email E --name N --role R</c>. The password is the first line of
/// standard input, never an argument, so it stays out of shell history and the process list.
/// </summary>
internal sealed class CreateStaffVerb(BuddyDbContext db, StaffCommands staff) : ICommandVerb
{
    internal TextWriter Error { get; set; } = Console.Error;

    public string Name => "create-staff";

    public string Usage => "create-staff --organisation N --email E --name N --role Therapist|ServiceManager|Admin   (password on standard input)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var options = VerbOptions.ParseRequired(args, ["organisation", "email", "name", "role"], ["organisation", "email", "name", "role"], out var error);
        if (options is null)
        {
            return await VerbErrors.UsageAsync(Error, this, error);
        }

        if (!Enum.TryParse<StaffRole>(options["role"], ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(options["role"], out _))
        {
            return await VerbErrors.FailAsync(Error, $"Unknown role '{options["role"]}'; use Therapist, ServiceManager or Admin.");
        }

        if (await db.FindForVerbAsync(options, Error, cancellationToken) is not { } organisation)
        {
            return VerbErrors.Refused;
        }

        var password = await input.ReadLineAsync(cancellationToken);
        if (string.IsNullOrEmpty(password))
        {
            return await VerbErrors.FailAsync(Error, "Type the new password on standard input (e.g. pipe it in); none was given.");
        }

        var change = await staff.CreateAsync(
            OperatorScope.For(organisation.Id), new StaffInput(options["name"]!, options["email"]!, role), password, cancellationToken);
        if (change.Saved is not { } created)
        {
            return await VerbErrors.FailAsync(Error, string.Join(" ", change.Errors.Values.SelectMany(m => m).Select(m => m.EndsWith('.') ? m : m + ".")));
        }

        await output.WriteLineAsync($"Created {created.Role} {created.Email} in '{organisation.Name}' ({created.Id}).");
        return 0;
    }
}
