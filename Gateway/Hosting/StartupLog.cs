namespace Buddy.Gateway.Hosting;

/// <summary>Where a start-up failure is logged: the host's logger (console and file) once it exists, else the bootstrap one.</summary>
internal static class StartupLog
{
    public static Serilog.ILogger For(WebApplication? app, Serilog.ILogger bootstrap)
    {
        Serilog.ILogger logger;
        try
        {
            logger = app?.Services.GetService<Serilog.ILogger>() ?? bootstrap;
        }
        catch (Exception)
        {
            // The host's logger is what failed (a bad Serilog section): the bootstrap one still works.
            logger = bootstrap;
        }

        return logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "Buddy.Gateway.Startup");
    }
}
