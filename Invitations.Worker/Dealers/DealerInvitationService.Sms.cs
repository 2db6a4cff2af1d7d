using System.Runtime.ExceptionServices;
using Invitations.Contracts.Dealers;
using Invitations.Data.Persistence.Entities;
using Invitations.Sagas.BulkInvitation.Ports;
using Invitations.Worker.Sms;
using Npgsql;

namespace Invitations.Worker.Dealers;

/// <summary>
/// The SMS attempt record: claimed in the first transaction (committed before the request goes out), settled
/// in the second. An attempt that found the one before it unsettled (a crash mid-send, a gateway that did not
/// answer in time) sends again with the same idempotency key and marks the invitation possibly sent twice.
/// </summary>
public sealed partial class DealerInvitationService
{
    /// <summary>A new invitation's first attempt, written with its insert.</summary>
    private void ClaimFirst(DealerInvitation invitation, DateTimeOffset now)
    {
        invitation.SmsAttempts = 1;
        invitation.SmsAttemptAt = now;
        invitation.SmsClaimedUntil = smsOptions.Value.ClaimUntil(now);
        invitation.SmsInDoubt = true;
    }

    /// <summary>The next attempt on an invitation made earlier; a take-over when the last one's result is unknown.</summary>
    private SmsClaim Claim(DealerInvitation invitation, DateTimeOffset now) => new(
        invitation.Id,
        invitation.SmsAttempts + 1,
        now,
        smsOptions.Value.ClaimUntil(now),
        Takeover: invitation.SmsInDoubt);

    /// <summary>
    /// After the commit, with no connection held: the SMS, then their results and the rows' outcomes in one
    /// transaction. A row alone whose SMS failed for a reason worth retrying throws it, once its attempt is
    /// settled (so the retry does not wait for the lease).
    /// </summary>
    private async Task FinishAsync(
        IReadOnlyList<InviteDealer> messages, List<Sending> sending, DealerResult?[] results, bool alone, CancellationToken cancellationToken)
    {
        await store.CloseAsync();
        var sent = await sms.SendManyAsync([.. sending.Select(s => s.Invitation)], options.Value.GroupSmsConcurrency, cancellationToken);
        var settled = new List<SmsSettlement>(sending.Count);
        var records = new List<(int Index, Guid JobId, RowOutcome Outcome)>(sending.Count);
        Exception? retry = null;
        for (var k = 0; k < sending.Count; k++)
        {
            var (index, row, invitation, attempt) = sending[k];
            DealerResult result;
            switch (sent[k])
            {
                case { Error: DealerRejectedException ex }:
                    settled.Add(new SmsSettlement(invitation.Id, attempt, null, null, InDoubt: false));
                    result = Rejected(row, ex.ReasonCode, ex.Message);
                    break;
                case { Error: { } error }:
                    // Worth another try: alone, through the consumer's retries (a group leaves the row to be done alone).
                    settled.Add(new SmsSettlement(invitation.Id, attempt, null, null, SmsFailure.InDoubt(error)));
                    retry ??= alone ? error : null;
                    continue;
                case var ok:
                    settled.Add(new SmsSettlement(invitation.Id, attempt, clock.GetUtcNow(), ok.ProviderMessageId, InDoubt: false));
                    result = Invited(invitation);
                    break;
            }

            results[index] = result;
            records.Add((index, row.JobId, Outcome(result, messages[index])));
        }

        List<NpgsqlBatchCommand> writes = [DealerCommands.SettleSms(settled)];
        if (records.Count > 0)
        {
            writes.Add(RecordAll(records));
        }

        var recorded = await store.WriteLockedAsync([.. sending.Select(s => (s.Row.JobId, s.Row.RowNumber))], writes, cancellationToken);
        NoteRecorded(results, records, recorded);
        if (retry is not null)
        {
            ExceptionDispatchInfo.Throw(retry);
        }
    }
}
