using Invitations.Data.Persistence.Entities;

namespace Invitations.Api.Uploads.Acceptance;

/// <summary>What became of an upload: the job (new, replayed or running) or the tiers short of codes.</summary>
public sealed record AcceptResult(AcceptOutcome Outcome, BulkInvitationJob? Job, IReadOnlyList<TierCodes> Tiers)
{
    public static AcceptResult For(AcceptOutcome outcome, BulkInvitationJob? job) => new(outcome, job, []);
}
