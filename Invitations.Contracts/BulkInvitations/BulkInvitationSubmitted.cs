namespace Invitations.Contracts.BulkInvitations;

/// <summary>Published by the Api after the job, its rows and its code reservation are committed.</summary>
public sealed record BulkInvitationSubmitted
{
    public required Guid BulkJobId { get; init; }
    public required long SponsorId { get; init; }
    public required int TotalDealers { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
}
