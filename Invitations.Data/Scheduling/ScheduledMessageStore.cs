using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Data.Scheduling;

/// <summary>The <c>scheduled_messages</c> table: upsert by token, cancel, claim due rows under a lease.</summary>
public sealed class ScheduledMessageStore(InvitationsDbContext db)
{
    /// <summary>
    /// A repeated token replaces the earlier schedule and clears any claim on it. Two schedules of a new token
    /// racing end in one unique violation (23505), which the endpoint's retry turns into the update path.
    /// </summary>
    public async Task UpsertAsync(ScheduledMessage message, CancellationToken cancellationToken)
    {
        var updated = await db.ScheduledMessages.Where(x => x.TokenId == message.TokenId).ExecuteUpdateAsync(set => set
            .SetProperty(x => x.Destination, message.Destination)
            .SetProperty(x => x.DueAt, message.DueAt)
            .SetProperty(x => x.ContentType, message.ContentType)
            .SetProperty(x => x.MessageTypes, message.MessageTypes)
            .SetProperty(x => x.Body, message.Body)
            .SetProperty(x => x.Headers, message.Headers)
            .SetProperty(x => x.CorrelationId, message.CorrelationId)
            .SetProperty(x => x.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(x => x.DeliveryAttempts, 0), cancellationToken);
        if (updated == 0)
        {
            db.ScheduledMessages.Add(message);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public Task<int> CancelAsync(Guid tokenId, CancellationToken cancellationToken) =>
        db.ScheduledMessages.Where(x => x.TokenId == tokenId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="batchSize"/> due rows in one statement. SKIP LOCKED lets several instances
    /// claim side by side without waiting on each other; an expired lease is claimable again.
    /// </summary>
    public async Task<IReadOnlyList<ScheduledMessage>> ClaimDueAsync(DateTimeOffset now, int batchSize, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var t = ScheduledMessageTable.For(db);
        var sql = $"""
            UPDATE {t.Table} SET {t.LockedUntil} = @p2, {t.DeliveryAttempts} = {t.DeliveryAttempts} + 1
            WHERE {t.Id} IN (
                SELECT {t.Id} FROM {t.Table}
                WHERE {t.DueAt} <= @p0 AND ({t.LockedUntil} IS NULL OR {t.LockedUntil} < @p0)
                ORDER BY {t.DueAt}
                LIMIT @p1
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """;
        return await db.ScheduledMessages.FromSqlRaw(sql, now, batchSize, leaseUntil).AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>Deletes a delivered row unless it was re-scheduled (which clears the lease) meanwhile.</summary>
    public Task<int> CompleteAsync(long id, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        db.ScheduledMessages.Where(x => x.Id == id && x.LockedUntil == leaseUntil).ExecuteDeleteAsync(cancellationToken);

    /// <summary>A failed delivery is tried again after <paramref name="retryAt"/>.</summary>
    public Task<int> PostponeAsync(long id, DateTimeOffset leaseUntil, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        db.ScheduledMessages.Where(x => x.Id == id && x.LockedUntil == leaseUntil)
            .ExecuteUpdateAsync(set => set.SetProperty(x => x.LockedUntil, retryAt), cancellationToken);
}
