using Invitations.Contracts.BulkInvitations;
using Invitations.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Dealers;

/// <summary>Hands a row the job's reserved codes of its tier, in the row's transaction.</summary>
public sealed class CodeHandOver(InvitationsDbContext db)
{
    public async Task HandOverAsync(
        Guid jobId, int rowNumber, PackageTier tier, int count, Guid invitationId, Guid? dealerId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (count <= 0)
        {
            return;
        }

        // ORDER BY on the partial index plus SKIP LOCKED keeps concurrent rows of one job off each other (FACTS.md).
        var tierName = tier.ToString();
        var taken = await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE sponsorship_codes SET invitation_id = {invitationId}, dealer_id = {dealerId},
                assigned_row_number = {rowNumber}, assigned_at = {now}
            WHERE id IN (SELECT id FROM sponsorship_codes
                         WHERE reserved_by_job_id = {jobId} AND tier = {tierName} AND assigned_at IS NULL
                         ORDER BY id LIMIT {count} FOR UPDATE SKIP LOCKED)
            """,
            cancellationToken);
        if (taken == count)
        {
            return;
        }

        // Too few free codes: if others hold the missing ones (a concurrent row that may still roll back),
        // try again later; if the job simply has no more, the row is rejected.
        var held = await db.SponsorshipCodes.CountAsync(
            c => c.ReservedByJobId == jobId && c.Tier == tier && c.AssignedAt == null, cancellationToken);
        if (held >= count - taken)
        {
            throw new DealerTransientException("The job's codes are held by another transaction.");
        }

        throw new DealerRejectedException(
            DealerRejectedException.CodesUnavailable, $"The job has no {count} reserved {tierName} codes left for this dealer.");
    }
}
