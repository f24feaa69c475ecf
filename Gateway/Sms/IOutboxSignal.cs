namespace Buddy.Gateway.Sms;

/// <summary>Wakes the outbox dispatcher so an urgent text (a crisis reply) goes at once rather than on the next poll.</summary>
public interface IOutboxSignal
{
    void Wake();
}
