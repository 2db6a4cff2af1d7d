using Invitations.Contracts.Dealers;
using Invitations.Data.DealerInvitations;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Invitations.Worker.DealerInvitations;

/// <summary>
/// Turns pending invitations past their expiry into Expired and gives their codes back to the sponsor's pool,
/// in batches. Safe with several Workers: each batch locks its invitations with SKIP LOCKED, so two sweeps
/// take disjoint ones, and a dealer's accept or decline that holds an invitation's lock is skipped (the
/// answer decides; an accept that comes after the sweep finds it Expired).
/// </summary>
public sealed partial class InvitationExpirySweep(
    NpgsqlDataSource dataSource, IBus bus, TimeProvider clock, IOptions<ExpirySweepOptions> options, ILogger<InvitationExpirySweep> logger)
{
    private static readonly string Pending = SqlValues.Of(InvitationStatus.Pending);

    internal static readonly string ExpireSql = $"""
        WITH due AS (
            SELECT id FROM dealer_invitations
            WHERE status = {Pending} AND expires_at <= @now
            ORDER BY expires_at
            LIMIT @batch
            FOR UPDATE SKIP LOCKED)
        UPDATE dealer_invitations d SET status = {SqlValues.Of(InvitationStatus.Expired)}, answered_at = @now
        FROM due
        WHERE d.id = due.id AND d.status = {Pending}
        RETURNING d.id, d.bulk_job_id, d.sponsor_id
        """;

    /// <summary>One sweep: every due invitation, batch after batch. Returns how many it expired.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        var jobs = new HashSet<(Guid JobId, long SponsorId)>();
        while (true)
        {
            var expired = await ExpireBatchAsync(jobs, cancellationToken);
            total += expired;
            if (expired < options.Value.ExpirySweepBatchSize)
            {
                break;
            }
        }

        foreach (var (jobId, sponsorId) in jobs)
        {
            await NotifyAsync(jobId, sponsorId, cancellationToken);
        }

        if (total > 0)
        {
            LogExpired(logger, total, jobs.Count);
        }

        return total;
    }

    private async Task<int> ExpireBatchAsync(HashSet<(Guid JobId, long SponsorId)> jobs, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ids = new List<Guid>();
        await using (var expire = new NpgsqlCommand(ExpireSql, connection, transaction))
        {
            expire.Parameters.AddWithValue("now", clock.GetUtcNow());
            expire.Parameters.AddWithValue("batch", options.Value.ExpirySweepBatchSize);
            await using var reader = await expire.ExecuteReaderAsync(cancellationToken);
            var (id, jobId, sponsorId) = ExpiredColumns(new ResultColumns(reader));
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(id.Value);
                jobs.Add((jobId.Value, sponsorId.Value));
            }
        }

        if (ids.Count > 0)
        {
            await using var release = new NpgsqlCommand(InvitationCodes.ReleaseSql, connection, transaction);
            release.Parameters.AddWithValue("invitations", ids.ToArray());
            await release.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return ids.Count;
    }

    /// <summary>The columns each invitation <see cref="ExpireSql"/> expired returns.</summary>
    internal static (Column<Guid> Id, Column<Guid> JobId, Column<long> SponsorId) ExpiredColumns(ResultColumns columns) =>
        (columns.Required<Guid>("id"), columns.Required<Guid>("bulk_job_id"), columns.Required<long>("sponsor_id"));

    /// <summary>The Api relays it to the job's watchers; lost, their counts are right on the next read.</summary>
    private async Task NotifyAsync(Guid jobId, long sponsorId, CancellationToken cancellationToken)
    {
        try
        {
            await bus.Publish(new DealerInvitationsChanged { BulkJobId = jobId, SponsorId = sponsorId, At = clock.GetUtcNow() }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotifyFailed(logger, ex, jobId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} invitations of {Jobs} jobs and released their codes")]
    private static partial void LogExpired(ILogger logger, int count, int jobs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing DealerInvitationsChanged for job {JobId} after expiry failed")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, Guid jobId);
}
