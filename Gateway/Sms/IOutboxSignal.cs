namespace Buddy.Gateway.Sms;

/// <summary>
/// Wakes the outbox dispatcher now instead of at its next poll. Call it after committing an urgent row (a crisis
/// reply, a STOP confirmation); waking it needlessly costs one query.
/// </summary>
public interface IOutboxSignal
{
    void Wake();
}
