using Buddy.Gateway.CheckIns;
using Buddy.Gateway.Api;
using Buddy.Gateway.Dashboard;
using Buddy.Gateway.Conversations;
using Buddy.Gateway.Data;
using Buddy.Gateway.Demo;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Replies;
using Buddy.Gateway.Safeguarding;
using Buddy.Gateway.Privacy;
using Buddy.Gateway.Sms;
using Buddy.Gateway.Manage;
using Buddy.Gateway.Telemetry;

// Composition only: each feature offers one AddX() and one MapX().
await using var bootstrapLog = LoggingSetup.CreateBootstrapLogger();
WebApplication? app = null;
try
{
    var isVerb = CommandVerbs.TrySplit(args, out var verb, out var verbArgs);
    var builder = WebApplication.CreateBuilder(isVerb ? [] : args);
    builder.AddBuddyLogging();
    builder.AddHardening();
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddBuddyTelemetry(builder.Configuration);
    builder.Services.AddBuddyDatabase(builder.Configuration, builder.Environment);
    builder.Services.AddDatabaseVerbs();
    builder.Services.AddBuddyPages();
    builder.Services.AddDemo(builder.Configuration, builder.Environment);
    builder.Services.AddCheckIns(builder.Configuration, builder.Environment);
    builder.Services.AddSms(builder.Configuration, builder.Environment);
    builder.Services.AddSessionCycle(builder.Configuration);
    builder.Services.AddReplies(builder.Configuration);
    builder.Services.AddSafeguarding(builder.Configuration);
    builder.Services.AddPrivacy(builder.Configuration);
    builder.Services.AddDashboard();
    builder.Services.AddManageConsole();
    builder.Services.AddApi();

    app = builder.Build();
    ConfigurationErrors.ValidateOptions(app.Services);
    if (isVerb)
    {
        return await CommandVerbs.RunAsync(app.Services, verb, verbArgs, CancellationToken.None);
    }

    ServingRules.Check(app); // settings only serving needs (SMS provider, host names, HTTPS), so verbs run without them
    await app.Services.MigrateDatabaseAsync();
    await app.ResumeDemoClockAsync();
    await app.SeedDemoIfConfiguredAsync();

    app.UseBuddyRequestLogging(); // outermost: logs the status the client got and the whole time taken
    app.UseErrorResponses(); // next, so a failure anywhere after it becomes a plain page, not an empty 500
    app.UseHardening(); // first after that: see its comment for why the order matters
    app.MapBuddyPages();
    app.MapHealth();
    app.MapSms();
    app.MapApiV1();

    await app.RunAsync();
    return 0;
}
catch (Exception error) when (ConfigurationErrors.Explain(error) is { } problem)
{
    StartupLog.For(app, bootstrapLog).Fatal("Buddy cannot start: {Problem}", problem.Message);
    await Console.Error.WriteLineAsync($"Buddy cannot start: {problem.Message}");
    return 2;
}
catch (Exception error) when (error is not HostAbortedException)
{
    // HostAbortedException is WebApplicationFactory stopping this method once it has the host: not a failure.
    StartupLog.For(app, bootstrapLog).Fatal(error, "Buddy stopped on an unexpected error");
    return 1;
}

public partial class Program;
