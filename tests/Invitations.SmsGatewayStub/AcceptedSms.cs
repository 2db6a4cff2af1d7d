namespace Invitations.SmsGatewayStub;

/// <summary>One SMS the stub accepted: a new message as far as the gateway is concerned.</summary>
public sealed record AcceptedSms(DateTimeOffset At, string Id, string? Key, string To, string Text);
