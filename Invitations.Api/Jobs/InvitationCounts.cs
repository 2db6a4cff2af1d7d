namespace Invitations.Api.Jobs;

/// <summary>How a job's invitations stand: pending an answer, accepted (AutoCreate ones from the start), declined, expired.</summary>
public sealed record InvitationCounts(int Pending, int Accepted, int Declined, int Expired)
{
    public static InvitationCounts None { get; } = new(0, 0, 0, 0);
}
