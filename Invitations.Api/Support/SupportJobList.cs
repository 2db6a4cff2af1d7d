namespace Invitations.Api.Support;

/// <summary>The newest matching jobs, at most <see cref="SupportJobSearch.MaxResults"/>; <c>Total</c> counts every match.</summary>
public sealed record SupportJobList(IReadOnlyList<SupportJobSummary> Items, int Total);
