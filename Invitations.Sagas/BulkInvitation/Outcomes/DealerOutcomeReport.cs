using Invitations.Sagas.BulkInvitation.Messages;

namespace Invitations.Sagas.BulkInvitation.Outcomes;

/// <summary>One row's recorded outcome as the dealer side reports it to the saga (an event, or a row of a group).</summary>
public sealed record DealerOutcomeReport(Guid JobId, int RowNumber, DateTimeOffset At, string EmailMasked, string? Error)
{
    /// <summary>One <see cref="DealerOutcomesRecorded"/> per job of the reports, the latest report as its progress line.</summary>
    public static IEnumerable<DealerOutcomesRecorded> Coalesce(IEnumerable<DealerOutcomeReport> reports, DateTimeOffset at) =>
        reports.GroupBy(r => r.JobId).Select(job =>
        {
            var latest = job.MaxBy(r => r.At)!;
            return new DealerOutcomesRecorded
            {
                BulkJobId = job.Key,
                SucceededRows = job.Where(r => r.Error is null).Select(r => r.RowNumber).Distinct().Order().ToArray(),
                FailedRows = job.Where(r => r.Error is not null).Select(r => r.RowNumber).Distinct().Order().ToArray(),
                Reports = job.Count(),
                LatestDealerEmailMasked = latest.EmailMasked,
                LatestDealerSuccess = latest.Error is null,
                LatestDealerError = latest.Error,
                At = at,
            };
        });
}
