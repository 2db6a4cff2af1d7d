namespace Invitations.Testing.Sms;

/// <summary>One SMS the gateway stub accepted (<c>GET /_stub/accepted</c>).</summary>
public sealed record StubAcceptedSms(DateTimeOffset At, string Id, string? Key, string To, string Text);
