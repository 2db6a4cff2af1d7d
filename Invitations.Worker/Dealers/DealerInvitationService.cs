using System.Buffers.Text;
using System.Data;
using System.Security.Cryptography;
using Invitations.Contracts.BulkInvitations;
using Invitations.Infrastructure.Persistence;
using Invitations.Infrastructure.Persistence.Entities;
using Invitations.Infrastructure.Privacy;
using Invitations.Worker.Sms;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Invitations.Worker.Dealers;

/// <summary>
/// One row, idempotent per (job, row): in one transaction the invitation (or dealer account) is made and
/// the job's reserved codes of the row's tier are handed to it; then the SMS goes out once. A redelivery
/// finds the invitation and only completes what is missing.
/// </summary>
public sealed class DealerInvitationService(
    InvitationsDbContext db, CodeHandOver codes, SmsDelivery sms, TimeProvider clock, IOptions<DealerOptions> options)
{
    public async Task<DealerResult> ProcessAsync(Guid jobId, int rowNumber, CancellationToken cancellationToken)
    {
        var job = await db.BulkInvitationJobs.AsNoTracking().FirstAsync(j => j.Id == jobId, cancellationToken);
        DealerInvitation invitation;
        await using (var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken))
        {
            // The share lock keeps a cancel from skipping the row while it is being done.
            var row = (await db.BulkInvitationRows
                .FromSql($"SELECT * FROM bulk_invitation_rows WHERE job_id = {jobId} AND row_number = {rowNumber} FOR SHARE")
                .AsNoTracking()
                .ToListAsync(cancellationToken)).Single();
            if (row.Status == RowStatus.Skipped)
            {
                return DealerResult.SkippedRow(Mask.Email(row.Email));
            }

            var existing = await db.DealerInvitations.FirstOrDefaultAsync(i => i.BulkJobId == jobId && i.RowNumber == rowNumber, cancellationToken);
            if (existing is null)
            {
                invitation = await CreateAsync(job, row, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                invitation = existing;
            }
        }

        if (job.SendSms && invitation.SmsSentAt is null)
        {
            await sms.SendAsync(invitation, cancellationToken);
        }

        return new DealerResult(invitation.Id, invitation.DealerId, invitation.CodeCount, Mask.Email(invitation.Email), false);
    }

    public async Task<string> MaskedEmailAsync(Guid jobId, int rowNumber, CancellationToken cancellationToken)
    {
        var email = await db.BulkInvitationRows.Where(r => r.JobId == jobId && r.RowNumber == rowNumber)
            .Select(r => r.Email).FirstOrDefaultAsync(cancellationToken);
        return Mask.Email(email);
    }

    private async Task<DealerInvitation> CreateAsync(BulkInvitationJob job, BulkInvitationRow row, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var email = row.Email.Trim().ToLowerInvariant();
        if (await db.Dealers.AnyAsync(d => d.SponsorId == job.SponsorId && d.Email == email, cancellationToken)
            || await db.DealerInvitations.AnyAsync(
                i => i.SponsorId == job.SponsorId && i.Email == email && i.Status == InvitationStatus.Pending, cancellationToken))
        {
            throw new DealerRejectedException(DealerRejectedException.DealerExists, "A dealer or a pending invitation with this email already exists.");
        }

        Dealer? dealer = null;
        if (job.InvitationType == InvitationType.AutoCreate)
        {
            dealer = new Dealer
            {
                Id = NewId.NextGuid(),
                SponsorId = job.SponsorId,
                Email = email,
                Phone = row.Phone,
                Name = row.DealerName,
                CreatedAt = now,
                SourceJobId = job.Id,
                SourceRowNumber = row.RowNumber,
            };
            db.Dealers.Add(dealer);
        }

        var invitation = new DealerInvitation
        {
            Id = NewId.NextGuid(),
            SponsorId = job.SponsorId,
            BulkJobId = job.Id,
            RowNumber = row.RowNumber,
            Type = job.InvitationType,
            Status = job.InvitationType == InvitationType.AutoCreate ? InvitationStatus.Accepted : InvitationStatus.Pending,
            Email = email,
            Phone = row.Phone,
            DealerName = row.DealerName,
            Tier = row.Tier,
            CodeCount = row.CodeCount,
            Token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)),
            ExpiresAt = now + options.Value.InvitationLifetime,
            DealerId = dealer?.Id,
            CreatedAt = now,
        };
        db.DealerInvitations.Add(invitation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent delivery of the same row, or another job inviting the same email, won the race:
            // the retry finds the row's invitation, or rejects the email in the check above.
            throw new DealerTransientException("A concurrent transaction created the same invitation or dealer.", ex);
        }

        await codes.HandOverAsync(job.Id, row.RowNumber, row.Tier, row.CodeCount, invitation.Id, dealer?.Id, now, cancellationToken);
        return invitation;
    }
}
