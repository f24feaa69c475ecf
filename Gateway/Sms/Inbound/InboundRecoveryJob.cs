using Buddy.Gateway.Hosting;

namespace Buddy.Gateway.Sms.Inbound;

/// <summary>
/// Runs <see cref="InboundRecovery"/> at start-up (a gateway that was down finds what it missed at once) and then
/// every <c>Sms:Inbound:Recovery:IntervalSeconds</c>.
/// </summary>
internal sealed class InboundRecoveryJob(InboundRecovery recovery, InboundRecoverySettings settings, TimeProvider clock, ILogger<InboundRecoveryJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Inbound recovery from Twilio's message log: at start-up and every {Interval}", settings.Interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await recovery.RecoverAsync(sinceUtc: null, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Twilio or the database unreachable while listing the numbers: the next run reads the same stretch.
                logger.LogError("Inbound recovery did not run: {Error}", Redact.PhoneNumbersIn(ex.Message));
            }

            try
            {
                await Task.Delay(settings.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
