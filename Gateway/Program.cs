using Buddy.Gateway.Api;
using Buddy.Gateway.Dashboard;
using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Manage;

// Composition only: each feature offers one AddX() and one MapX().
try
{
    var isVerb = CommandVerbs.TrySplit(args, out var verb, out var verbArgs);
    var builder = WebApplication.CreateBuilder(isVerb ? [] : args);
    builder.AddBuddyLogging();
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddBuddyDatabase(builder.Configuration, builder.Environment);
    builder.Services.AddDatabaseVerbs();
    builder.Services.AddBuddyPages();
    builder.Services.AddDashboard();
    builder.Services.AddManageConsole();
    builder.Services.AddApi();

    var app = builder.Build();
    if (isVerb)
    {
        return await CommandVerbs.RunAsync(app.Services, verb, verbArgs, CancellationToken.None);
    }

    await app.Services.MigrateDatabaseAsync();

    app.MapBuddyPages();
    app.MapHealth();
    app.MapApiV1();

    await app.RunAsync();
    return 0;
}
catch (BadConfigurationException problem)
{
    await Console.Error.WriteLineAsync($"Buddy cannot start: {problem.Message}");
    return 2;
}

public partial class Program;
