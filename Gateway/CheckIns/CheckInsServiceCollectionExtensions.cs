using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Schedules;
using Microsoft.Extensions.Options;
using Quartz;

namespace Buddy.Gateway.CheckIns;

public static class CheckInsServiceCollectionExtensions
{
    /// <summary>
    /// Check-in scheduling: the dispatcher, reminders, expiry and housekeeping services, and Quartz.NET driving
    /// them. On a server engine (PostgreSQL, SQL Server) Quartz is clustered on a persistent store (tables from
    /// sql/{engine}/0002) so each job runs on one instance at a time and fails over; on SQLite (one instance) it
    /// keeps its triggers in memory.
    /// Either way Buddy's own tables are the source of truth: the jobs only ask "what is due now?".
    /// </summary>
    public static IServiceCollection AddCheckIns(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSettings<SchedulingSettings>(SchedulingSettings.Section, SchedulingSettings.Problem);
        // The jobs and handlers take the value itself: it does not change after start-up.
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<SchedulingSettings>>().Value);
        // Read now as well: the job intervals and the Quartz store are registered before the container exists.
        var settings = Settings.Read<SchedulingSettings>(configuration, SchedulingSettings.Section, SchedulingSettings.Problem);
        services.AddSingleton<CheckInDispatcher>();
        services.AddSingleton<ReminderSender>();
        services.AddSingleton<CheckInExpiry>();
        services.AddSingleton<NightlyHousekeeping>();
        services.AddHealthChecks().AddCheck<CheckInsHealthCheck>("check-ins");

        // Without Scheduling:Enabled there is no scheduler, and these stay unscheduled.
        services.AddRecurringJob<CheckInDispatcher>("dispatch-due-check-ins", TimeSpan.FromSeconds(settings.DispatchIntervalSeconds),
            (dispatcher, _, cancellationToken) => dispatcher.DispatchDueAsync(settings.BatchSize, cancellationToken));
        services.AddRecurringJob<ReminderSender>("send-reminders", TimeSpan.FromSeconds(settings.ReminderIntervalSeconds),
            (reminders, _, cancellationToken) => reminders.SendDueAsync(settings.BatchSize, cancellationToken));
        services.AddRecurringJob<CheckInExpiry>("expire-missed-check-ins", TimeSpan.FromMinutes(settings.ExpiryIntervalMinutes),
            (expiry, _, cancellationToken) => expiry.ExpireAsync(cancellationToken));
        services.AddRecurringJob<NightlyHousekeeping>("nightly-housekeeping", settings.HousekeepingCron,
            (housekeeping, _, cancellationToken) => housekeeping.RunAsync(cancellationToken));
        if (!settings.Enabled)
        {
            return services;
        }

        var database = DatabaseSettings.Read(configuration, environment.ContentRootPath);
        var dialect = DatabaseDialect.For(database.Provider);
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = settings.InstanceName;
                if (!string.Equals(settings.InstanceId, "AUTO", StringComparison.OrdinalIgnoreCase))
                {
                    scheduler.InstanceId = settings.InstanceId;
                }
            });

            if (dialect.ClustersScheduler)
            {
                quartz.UsePersistentStore(store =>
                {
                    // The same validated connection string as the rest of Buddy; the tables come from our own scripts.
                    dialect.UseQuartzStore(store, database.ConnectionString);
                    store.UseSystemTextJsonSerializer();
                    store.ConfigureStore(options => options.SchemaProvisioning = SchemaProvisioning.Validate);
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = TimeSpan.FromSeconds(settings.ClusterCheckinIntervalSeconds);
                        cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(settings.ClusterCheckinMisfireThresholdSeconds);
                    });
                });
            }
            else
            {
                quartz.UseInMemoryStore();
            }
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
