namespace Invitations.Testing.Sms;

/// <summary>The gateway stub's counts of every kind of answer (<c>GET /_stub/stats</c>).</summary>
public sealed record StubAnswerCounts(
    long Requests, long Accepted, long Slow, long Repeated, long Failed, long Down, long RateLimited, long Unauthorized, long BadRequests);
