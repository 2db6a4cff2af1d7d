using Invitations.Contracts.BulkInvitations;
using Invitations.Contracts.Dealers;
using Invitations.Data.BulkJobs;
using Invitations.Data.Persistence.Entities;
using Invitations.Sagas.BulkInvitation.Ports;
using Invitations.Worker.Sms;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Invitations.Worker.Dealers;

/// <summary>
/// Rows, idempotent per (job, row), in the round trips of one: in one transaction every row still pending gets
/// its invitation (or dealer account) and the job's reserved codes of its tier, or its rejection, and each row
/// to be texted its SMS attempt record; then the SMS go out, with no connection held; then, in a second
/// transaction, the SMS results and the rows' outcomes (only while a row still waits for this attempt). A
/// redelivery finds what is done, completes what is missing and reports the recorded outcome again. A row
/// alone is a group of one: what a group hands back to be done alone (a race, codes short, an SMS to try
/// again), alone it settles itself, as a transient fault or a rejection.
/// </summary>
public sealed partial class DealerInvitationService(
    DealerRowStore store, SmsDelivery sms, SmsMetrics metrics, TimeProvider clock, IOptions<DealerOptions> options, IOptions<SmsOptions> smsOptions)
{
    /// <summary>One row: its recorded outcome, or a <see cref="DealerTransientException"/> to try again.</summary>
    public async Task<DealerResult> ProcessAsync(InviteDealer message, CancellationToken cancellationToken) =>
        (await RunAsync([message], alone: true, cancellationToken))[0]
        ?? throw new InvalidOperationException($"Row {message.RowNumber} of job {message.BulkJobId} was left unsettled.");

    /// <summary>
    /// Many rows; a row this cannot settle comes back null, to be done on its own: the whole group when a row
    /// is short of codes or races a concurrent insert (nothing was written), a row whose SMS failed for a reason
    /// worth retrying or whose SMS attempt is under way elsewhere. An error that stops the group as a whole is
    /// thrown, for every row to be retried.
    /// </summary>
    public Task<DealerResult?[]> ProcessGroupAsync(IReadOnlyList<InviteDealer> messages, CancellationToken cancellationToken) =>
        RunAsync(messages, alone: false, cancellationToken);

    private async Task<DealerResult?[]> RunAsync(IReadOnlyList<InviteDealer> messages, bool alone, CancellationToken cancellationToken)
    {
        var results = new DealerResult?[messages.Count];
        try
        {
            var sending = await CreateAsync(messages, results, alone, cancellationToken);
            if (sending is null)
            {
                Array.Clear(results);
                return results;
            }

            if (sending.Count > 0)
            {
                await FinishAsync(messages, sending, results, alone, cancellationToken);
            }

            return results;
        }
        finally
        {
            await store.CloseAsync();
        }
    }

    /// <summary>
    /// The first transaction. Returns the rows whose SMS goes out after the commit, each with its attempt
    /// claimed, or null when the group has to be done row by row.
    /// </summary>
    private async Task<List<Sending>?> CreateAsync(
        IReadOnlyList<InviteDealer> messages, DealerResult?[] results, bool alone, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sending = new List<Sending>();
        var claims = new List<SmsClaim>();
        var dealers = new List<NpgsqlBatchCommand>();
        var invitations = new List<DealerInvitation>();
        var records = new List<(int Index, Guid JobId, RowOutcome Outcome)>();
        await using var transaction = await store.BeginAsync(cancellationToken);
        var rows = await store.LoadAsync(transaction, [.. messages.Select(m => (m.BulkJobId, m.RowNumber))], cancellationToken);
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (!rows.TryGetValue((message.BulkJobId, message.RowNumber), out var row))
            {
                if (alone)
                {
                    throw new InvalidOperationException($"Row {message.RowNumber} of job {message.BulkJobId} does not exist.");
                }

                continue;
            }

            if (row.Status != RowStatus.Pending)
            {
                results[i] = Recorded(row, message.Attempt);
            }
            else if (row.Invitation is { } existing)
            {
                if (!row.SendSms || existing.SmsSentAt is not null)
                {
                    results[i] = Invited(existing);
                    records.Add((i, row.JobId, Outcome(results[i]!, message)));
                }
                else if (existing.SmsClaimedUntil is { } claimed && claimed > now)
                {
                    // Another delivery's attempt is under way (or died less than a lease ago): the SMS must not go
                    // out twice at once. Later the claim is settled, or has expired and is taken over. (In a group,
                    // the row is left to be done alone.)
                    if (alone)
                    {
                        throw new SmsAttemptUnderWayException(claimed);
                    }
                }
                else
                {
                    var claim = Claim(existing, now);
                    claims.Add(claim);
                    sending.Add(new Sending(i, row, existing, claim.Attempt));
                }
            }
            else if (row.EmailTaken)
            {
                results[i] = Rejected(row, RejectionReasons.DealerExists, "A dealer or a pending invitation with this email already exists.");
                records.Add((i, row.JobId, Outcome(results[i]!, message)));
            }
            else
            {
                var invitation = NewInvitation(row, out var dealer);
                if (dealer is not null)
                {
                    dealers.Add(DealerCommands.InsertDealer(dealer));
                }

                invitations.Add(invitation);
                if (row.SendSms)
                {
                    ClaimFirst(invitation, now);
                    sending.Add(new Sending(i, row, invitation, 1));
                }
                else
                {
                    results[i] = Invited(invitation);
                    records.Add((i, row.JobId, Outcome(results[i]!, message)));
                }
            }
        }

        var writes = new List<NpgsqlBatchCommand>(dealers);
        var handOver = invitations.Count == 0 ? null : DealerCommands.HandOverCodes(invitations);
        if (handOver is not null)
        {
            writes.Add(DealerCommands.InsertInvitations(invitations));
            writes.Add(handOver);
        }

        if (claims.Count > 0)
        {
            writes.Add(DealerCommands.ClaimSms(claims));
        }

        if (records.Count > 0)
        {
            writes.Add(RecordAll(records));
        }

        HashSet<(Guid JobId, int RowNumber)> recorded;
        try
        {
            recorded = await store.ExecuteAsync(transaction, writes, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // A concurrent delivery of the same row, or another job inviting the same email, won the race: row
            // by row, the retry finds the row's invitation, or rejects the email.
            return alone ? throw new DealerTransientException("A concurrent transaction created the same invitation or dealer.", ex) : null;
        }

        if (handOver is not null && handOver.RecordsAffected != invitations.Sum(i => i.CodeCount))
        {
            // Short of codes: row by row, each finds out whether its codes are gone or only held elsewhere.
            await transaction.RollbackAsync(cancellationToken);
            return alone ? await RejectForCodesAsync(rows.Values.Single(), messages[0], results, cancellationToken) : null;
        }

        await transaction.CommitAsync(cancellationToken);
        NoteRecorded(results, records, recorded);
        metrics.PossibleDuplicates.Add(claims.Count(c => c.Takeover));
        return sending;
    }

    /// <summary>
    /// Too few free codes for a row alone: if others hold the missing ones (a concurrent row that may still roll
    /// back), try again later; if the job simply has no more, the row is rejected.
    /// </summary>
    private async Task<List<Sending>> RejectForCodesAsync(DealerRow row, InviteDealer message, DealerResult?[] results, CancellationToken cancellationToken)
    {
        if (await store.CodesLeftAsync(row.JobId, row.Tier, cancellationToken) >= row.CodeCount)
        {
            throw new DealerTransientException("The job's codes are held by another transaction.");
        }

        results[0] = Rejected(row, RejectionReasons.CodesUnavailable, $"The job has no {row.CodeCount} reserved {row.Tier} codes left for this dealer.");
        List<(int Index, Guid JobId, RowOutcome Outcome)> records = [(0, row.JobId, Outcome(results[0]!, message))];
        NoteRecorded(results, records, await store.WriteLockedAsync([(row.JobId, row.RowNumber)], [RecordAll(records)], cancellationToken));
        return [];
    }

    private static NpgsqlBatchCommand RecordAll(List<(int Index, Guid JobId, RowOutcome Outcome)> records) =>
        RowOutcomeCommand.RecordOutcomes([.. records.Select(r => (r.JobId, r.Outcome))]);

    /// <summary>Each recorded row's result says whether this delivery's outcome was the one written.</summary>
    private static void NoteRecorded(
        DealerResult?[] results, List<(int Index, Guid JobId, RowOutcome Outcome)> records, HashSet<(Guid JobId, int RowNumber)> recorded)
    {
        foreach (var (index, jobId, outcome) in records)
        {
            results[index] = results[index]! with { Recorded = recorded.Contains((jobId, outcome.RowNumber)) };
        }
    }

    /// <summary>A row whose SMS goes out after the commit, with the number of the attempt it claimed.</summary>
    private sealed record Sending(int Index, DealerRow Row, DealerInvitation Invitation, int Attempt);
}
