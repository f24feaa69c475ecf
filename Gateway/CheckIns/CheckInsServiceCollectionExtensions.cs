using Buddy.Gateway.Data;
using Buddy.Gateway.Schedules;
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
        var settings = SchedulingSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSingleton<CheckInDispatcher>();
        services.AddSingleton<ReminderSender>();
        services.AddSingleton<CheckInExpiry>();
        services.AddSingleton<NightlyHousekeeping>();
        services.AddSingleton<CheckInScheduler>();
        services.AddHealthChecks().AddCheck<CheckInsHealthCheck>("check-ins");

        if (!settings.Enabled)
        {
            return services;
        }

        var database = DatabaseSettings.From(configuration, environment.ContentRootPath);
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

            Every<DispatchDueCheckInsJob>(quartz, DispatchDueCheckInsJob.Key, TimeSpan.FromSeconds(settings.DispatchIntervalSeconds));
            Every<SendRemindersJob>(quartz, SendRemindersJob.Key, TimeSpan.FromSeconds(settings.ReminderIntervalSeconds));
            Every<ExpireMissedCheckInsJob>(quartz, ExpireMissedCheckInsJob.Key, TimeSpan.FromMinutes(settings.ExpiryIntervalMinutes));
            quartz.ScheduleJob<NightlyHousekeepingJob>(
                trigger => trigger.WithIdentity(NightlyHousekeepingJob.Key.Name, NightlyHousekeepingJob.Key.Group)
                    .WithCronSchedule(settings.HousekeepingCron, cron => cron.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
                job => job.WithIdentity(NightlyHousekeepingJob.Key));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }

    // A missed firing is not replayed: the next one asks "what is due now?" and finds everything a replay would.
    private static void Every<TJob>(IQuartzBuilder quartz, JobKey key, TimeSpan interval)
        where TJob : IJob =>
        quartz.ScheduleJob<TJob>(
            trigger => trigger.WithIdentity(key.Name, key.Group).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(key));
}
