using System.Diagnostics;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Invitations.Api.Uploads.Acceptance;

/// <summary>
/// One transaction: the job, its rows and every code it needs, or nothing. A shortage in any tier rolls
/// everything back and reports each tier. The submission is published after the commit.
/// </summary>
public sealed class BulkJobAcceptor(
    InvitationsDbContext db, JobRowWriter rows, CodeReservation codes, PriorJobs prior, SubmissionPublisher publisher, TimeProvider clock)
{
    /// <summary>How long the last accepted job's transaction took, for the upload's log line.</summary>
    public TimeSpan LastCommitted { get; private set; }

    public async Task<AcceptResult> AcceptAsync(JobRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        var job = NewJob(request, now);
        var tiers = new List<TierCodes>();
        var committed = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.BulkInvitationJobs.Add(job);
            await db.SaveChangesAsync(cancellationToken);
            await rows.InsertAsync(job.Id, request.Dealers, cancellationToken);

            var shortage = false;
            foreach (var tier in request.Dealers.GroupBy(d => d.Tier).OrderBy(g => g.Key))
            {
                var required = tier.Sum(d => d.CodeCount);
                var reserved = await codes.ReserveAsync(request.SponsorId, tier.Key, required, job.Id, now, cancellationToken);
                shortage |= reserved < required;
                var available = reserved < required
                    ? reserved
                    : reserved + await codes.CountAvailableAsync(request.SponsorId, tier.Key, now, cancellationToken);
                tiers.Add(new TierCodes(tier.Key.ToString(), required, available));
                job.CodesReserved += reserved;
            }

            if (shortage)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new AcceptResult(AcceptOutcome.NotEnoughCodes, null, tiers);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            committed = true;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two requests with the same Idempotency-Key raced: the other one's job is the answer.
            db.ChangeTracker.Clear();
            var first = await prior.FindAsync(request.SponsorId, request.IdempotencyKey, request.File, cancellationToken);
            if (first is not null)
            {
                return first;
            }

            throw;
        }
        finally
        {
            if (!committed)
            {
                db.ChangeTracker.Clear();
            }
        }

        LastCommitted = Stopwatch.GetElapsedTime(started);
        await publisher.PublishAsync(job);
        return AcceptResult.For(AcceptOutcome.Accepted, job);
    }

    private static BulkInvitationJob NewJob(JobRequest request, DateTimeOffset now) => new()
    {
        Id = NewId.NextGuid(),
        SponsorId = request.SponsorId,
        CreatedBy = request.CreatedBy.Length > 200 ? request.CreatedBy[..200] : request.CreatedBy,
        Status = BulkJobStatus.Pending,
        FileName = request.File.FileName,
        FileSha256 = request.File.Sha256,
        FileSize = request.File.Content.Length,
        IdempotencyKey = request.IdempotencyKey,
        InvitationType = request.Options.InvitationType,
        SendSms = request.Options.SendSms,
        DefaultTier = request.Options.DefaultTier,
        DefaultCodeCount = request.Options.DefaultCodeCount,
        UseRowSpecificCounts = request.Options.UseRowSpecificCounts,
        TotalDealers = request.Dealers.Count,
        CreatedAt = now,
    };
}
