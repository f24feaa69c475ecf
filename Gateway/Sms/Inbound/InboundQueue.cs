using System.Threading.Channels;

namespace Buddy.Gateway.Sms.Inbound;

/// <summary>
/// Ids of stored inbound messages waiting for the processor. In memory only: the database row (state Received)
/// is the durable record, and the processor's sweep finds anything this queue lost in a restart.
/// </summary>
public sealed class InboundQueue
{
    private readonly Channel<Guid> _ids = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid inboundMessageId) => _ids.Writer.TryWrite(inboundMessageId);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken) => _ids.Reader.ReadAllAsync(cancellationToken);
}
