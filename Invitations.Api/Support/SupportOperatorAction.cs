namespace Invitations.Api.Support;

/// <summary>A timeline entry a person asked for (cancel, retry): who and when.</summary>
public sealed record SupportOperatorAction(DateTimeOffset At, string Event, string Actor, string? Detail);
