using Invitations.Api.Uploads.Files;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Api.Uploads.Acceptance;

/// <summary>An earlier upload this one repeats: by Idempotency-Key, or the same file still running.</summary>
public sealed class PriorJobs(InvitationsDbContext db)
{
    public async Task<AcceptResult?> FindAsync(long sponsorId, string? idempotencyKey, UploadedFile file, CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null)
        {
            var keyed = await db.BulkInvitationJobs.AsNoTracking()
                .FirstOrDefaultAsync(j => j.SponsorId == sponsorId && j.IdempotencyKey == idempotencyKey, cancellationToken);
            if (keyed is not null)
            {
                return AcceptResult.For(keyed.FileSha256 == file.Sha256 ? AcceptOutcome.Replayed : AcceptOutcome.KeyReused, keyed);
            }

            return null;
        }

        var running = await db.BulkInvitationJobs.AsNoTracking()
            .Where(j => j.SponsorId == sponsorId && j.FileSha256 == file.Sha256
                        && BulkJobStatuses.Running.Contains(j.Status))
            .OrderByDescending(j => j.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return running is null ? null : AcceptResult.For(AcceptOutcome.AlreadyRunning, running);
    }
}
