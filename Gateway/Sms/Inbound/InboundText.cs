namespace Buddy.Gateway.Sms.Inbound;

/// <summary>One received text as the provider (or the simulator) described it, before it is stored.</summary>
public sealed record InboundText(string MessageSid, string From, string To, string Body, string? OptOutType);
