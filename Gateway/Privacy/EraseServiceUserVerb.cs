using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Privacy;

/// <summary>
/// <c>Gateway erase-service-user --id G --reason "..." [--yes]</c>: erasure on request. Asks the operator to type
/// the id back unless --yes, because there is no undo; with no input at all (a script without --yes) it refuses.
/// </summary>
internal sealed class EraseServiceUserVerb(ErasureService erasure, BuddyDbContext db) : ICommandVerb
{
    public string Name => "erase-service-user";

    public string Usage => "erase-service-user --id G --reason \"...\" [--yes]   erase one service user on request (no undo)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var options = VerbOptions.Parse(args, ["id", "reason"], out var error, flags: ["yes"]);
        if (options is null)
        {
            return await VerbErrors.UsageAsync(output, this, error);
        }

        if (ServiceUserIdOption.Read(options, out var problem) is not { } id)
        {
            return await VerbErrors.UsageAsync(output, this, problem);
        }

        if (options["reason"] is not { } reason)
        {
            return await VerbErrors.UsageAsync(output, this,
                "--reason is required: say why (e.g. \"erasure request received 2026-03-01, ticket 1234\"). Avoid names; any the person has are removed from it.");
        }

        var person = await db.ServiceUsers.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.DisplayName, s.ErasedAtUtc }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return await VerbErrors.FailAsync(output, $"No service user has id {id}.");
        }

        if (!options.Has("yes"))
        {
            await output.WriteLineAsync($"This permanently erases {person.DisplayName} ({id}): every text, diary entry, alert, check-in, schedule and session, and their name and number. Export first if the clinical record needs it.");
            await output.WriteLineAsync("Type the id again to confirm:");
            var typed = await input.ReadLineAsync(cancellationToken);
            if (!Guid.TryParse(typed?.Trim(), out var confirmed) || confirmed != id)
            {
                return await VerbErrors.FailAsync(output, "Not confirmed; nothing was erased.");
            }
        }

        var result = await erasure.EraseAsync(id, scope: null, reason, cancellationToken);
        if (result is null)
        {
            return await VerbErrors.FailAsync(output, $"No service user has id {id}.");
        }

        await output.WriteLineAsync($"Erased service user {id}{(result.WasAlreadyErased ? " (it had been erased before; leftovers removed)" : "")}.");
        foreach (var (table, count) in result.RowsRemoved.Where(r => r.Value > 0))
        {
            await output.WriteLineAsync($"  {table}: {count}");
        }

        return 0;
    }
}
