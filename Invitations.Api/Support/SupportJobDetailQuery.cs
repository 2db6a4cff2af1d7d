using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Api.Support;

public sealed class SupportJobDetailQuery(InvitationsDbContext db)
{
    public async Task<SupportJobDetail?> FindAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await db.BulkInvitationJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null)
        {
            return null;
        }

        var saga = await db.BulkInvitationSagas.AsNoTracking().SingleOrDefaultAsync(s => s.CorrelationId == jobId, cancellationToken);
        var rows = await db.BulkInvitationRows.AsNoTracking()
            .Where(r => r.JobId == jobId)
            .OrderBy(r => r.RowNumber)
            .ToListAsync(cancellationToken);
        var sms = await db.DealerInvitations.AsNoTracking()
            .Where(i => i.BulkJobId == jobId && i.SmsSentAt != null)
            .Select(i => new { i.RowNumber, Status = i.SmsDeliveryStatus ?? SmsDeliveryStatus.Sent, i.SmsDeliveryReason, i.SmsDeliveryReportedAt })
            .ToDictionaryAsync(i => i.RowNumber, cancellationToken);
        var possiblyTwice = (await db.DealerInvitations.AsNoTracking()
            .Where(i => i.BulkJobId == jobId && i.SmsPossibleDuplicate)
            .Select(i => i.RowNumber)
            .ToListAsync(cancellationToken)).ToHashSet();
        var timeline = await db.SagaTimeline.AsNoTracking()
            .Where(t => t.JobId == jobId)
            .OrderBy(t => t.Id)
            .Select(t => new SupportTimelineEntryView(t.At, t.Event, t.FromState, t.ToState, t.MessageId, t.Detail, t.Actor))
            .ToListAsync(cancellationToken);

        return new SupportJobDetail(
            job.Id,
            job.SponsorId,
            job.Status.ToString(),
            job.FileName,
            job.CreatedBy,
            job.InvitationType.ToString(),
            job.SendSms,
            job.TotalDealers,
            job.CodesReserved,
            job.CreatedAt,
            job.StartedAt,
            job.CompletedAt,
            saga is null
                ? null
                : new SupportSagaView(
                    saga.CurrentState,
                    saga.Version,
                    saga.TotalDealers,
                    saga.SucceededDealers,
                    saga.FailedDealers,
                    saga.SkippedDealers,
                    saga.ProcessedDealers,
                    saga.ProgressSequence,
                    saga.CreatedAt,
                    saga.StartedAt,
                    saga.CompletedAt,
                    saga.LastOutcomeAt),
            rows.OrderBy(r => r.Status == RowStatus.Failed ? 0 : 1).ThenBy(r => r.RowNumber).Select(r => sms.TryGetValue(r.RowNumber, out var s)
                ? ToView(r, possiblyTwice.Contains(r.RowNumber)) with { SmsDelivery = s.Status.ToString(), SmsDeliveryReason = s.SmsDeliveryReason, SmsDeliveryReportedAt = s.SmsDeliveryReportedAt }
                : ToView(r, possiblyTwice.Contains(r.RowNumber))).ToList(),
            timeline,
            timeline.Where(t => t.Actor is not null).Select(t => new SupportOperatorAction(t.At, t.Event, t.Actor!, t.Detail)).ToList());
    }

    private static SupportRowView ToView(BulkInvitationRow row, bool smsPossiblyTwice) => new(
        row.RowNumber,
        row.Email,
        row.Phone,
        row.DealerName,
        row.Tier.ToString(),
        row.CodeCount,
        row.Status.ToString(),
        row.Attempts,
        row.ErrorCode,
        row.Error,
        row.InvitationId,
        row.CompletedAt,
        smsPossiblyTwice);
}
