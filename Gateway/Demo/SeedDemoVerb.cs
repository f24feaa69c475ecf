using Buddy.Gateway.Hosting;
using Buddy.Gateway.Identity;

namespace Buddy.Gateway.Demo;

/// <summary>
/// <c>Gateway seed-demo</c>: add the demo organisation (idempotent: does nothing if it exists). Development only:
/// it creates sign-in accounts with the public demo password.
/// </summary>
internal sealed class SeedDemoVerb(DemoSeeder seeder, IServiceProvider services, IHostEnvironment environment) : ICommandVerb
{
    internal TextWriter Error { get; set; } = Console.Error;

    public string Name => "seed-demo";

    public string Usage => "seed-demo                    add the demo organisation, staff and a dozen service users with 60 days of diary (Development only)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return await VerbErrors.FailAsync(Error,
                $"seed-demo runs only in Development (this is {environment.EnvironmentName}): it creates sign-in accounts with the public demo password {DemoLogins.Password}.");
        }

        var seeded = await seeder.SeedAsync(cancellationToken);
        var logins = await DemoLogins.CreateAsync(services, cancellationToken);
        await output.WriteLineAsync(seeded
            ? $"Seeded '{DemoSeeder.OrganisationName}'."
            : $"'{DemoSeeder.OrganisationName}' already exists; nothing changed.");
        if (logins.Count > 0)
        {
            await output.WriteLineAsync($"Sign-in accounts created for {string.Join(", ", logins)} with the demo password {DemoLogins.Password}");
        }
        return 0;
    }
}
