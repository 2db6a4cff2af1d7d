using Invitations.Contracts.Dealers;
using Invitations.Infrastructure.BulkJobs;
using Invitations.Infrastructure.Persistence.Entities;
using Invitations.Sagas.BulkInvitation.Ports;
using Invitations.Worker.Sms;
using Npgsql;

namespace Invitations.Worker.Dealers;

/// <summary>The group path: many rows, the same work and outcomes as one row alone, in one transaction.</summary>
public sealed partial class DealerInvitationService
{
    /// <summary>
    /// Many rows, the same work as <see cref="ProcessAsync"/> for each, in the round trips of one row (read,
    /// write, commit, the SMS, the outcomes), one statement per kind of write for all of them. A row this cannot settle comes back null, to be done on its own: the whole group when a
    /// row is short of codes or races a concurrent insert (nothing was written), a row whose SMS failed for a
    /// reason worth retrying. An error that stops the group as a whole is thrown, for every row to be retried.
    /// </summary>
    public async Task<DealerResult?[]> ProcessGroupAsync(IReadOnlyList<InviteDealer> messages, CancellationToken cancellationToken)
    {
        var results = new DealerResult?[messages.Count];
        try
        {
            var afterCommit = await CreateGroupAsync(messages, results, cancellationToken);
            if (afterCommit is null)
            {
                Array.Clear(results);
                return results;
            }

            await FinishGroupAsync(messages, afterCommit, results, cancellationToken);
            return results;
        }
        finally
        {
            await store.ReleaseAsync();
        }
    }

    /// <summary>
    /// The group's transaction: every row still pending gets its invitation and codes, or its rejection. Returns
    /// the rows whose invitation exists after the commit and still need their SMS or their outcome, or null
    /// when the group has to be done row by row.
    /// </summary>
    private async Task<List<(int Index, DealerRow Row, DealerInvitation Invitation)>?> CreateGroupAsync(
        IReadOnlyList<InviteDealer> messages, DealerResult?[] results, CancellationToken cancellationToken)
    {
        var afterCommit = new List<(int Index, DealerRow Row, DealerInvitation Invitation)>();
        var dealers = new List<NpgsqlBatchCommand>();
        var invitations = new List<DealerInvitation>();
        var records = new List<(int Index, Guid JobId, RowOutcome Outcome)>();
        await using var transaction = await store.BeginAsync(cancellationToken);
        var rows = await store.LoadManyAsync(transaction, messages.Select(m => (m.BulkJobId, m.RowNumber)).ToList(), cancellationToken);
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (!rows.TryGetValue((message.BulkJobId, message.RowNumber), out var row))
            {
                continue;
            }

            if (row.Status != RowStatus.Pending)
            {
                results[i] = Recorded(row, message.Attempt);
            }
            else if (row.Invitation is { } existing)
            {
                afterCommit.Add((i, row, existing));
            }
            else if (row.EmailTaken)
            {
                results[i] = Rejected(row, DealerRejectedException.DealerExists, "A dealer or a pending invitation with this email already exists.");
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
                    afterCommit.Add((i, row, invitation));
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

        if (records.Count > 0)
        {
            writes.Add(RecordAll(records));
        }

        HashSet<(Guid JobId, int RowNumber)> recorded;
        try
        {
            recorded = await store.ExecuteAsync(transaction, writes, release: false, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another delivery or job made the same invitation or dealer: row by row, the loser learns which.
            return null;
        }

        if (handOver is not null && handOver.RecordsAffected != invitations.Sum(i => i.CodeCount))
        {
            // Short of codes: row by row, each finds out whether its codes are gone or only held elsewhere.
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        NoteRecorded(results, records, recorded);

        return afterCommit;
    }

    /// <summary>After the commit: the SMS of each row that needs one, then every outcome in one round trip.</summary>
    private async Task FinishGroupAsync(
        IReadOnlyList<InviteDealer> messages, List<(int Index, DealerRow Row, DealerInvitation Invitation)> afterCommit,
        DealerResult?[] results, CancellationToken cancellationToken)
    {
        var sending = Enumerable.Range(0, afterCommit.Count)
            .Where(k => afterCommit[k].Row.SendSms && afterCommit[k].Invitation.SmsSentAt is null).ToArray();
        var sent = await sms.SendManyAsync([.. sending.Select(k => afterCommit[k].Invitation)], options.Value.GroupSmsConcurrency, cancellationToken);
        var smsResults = new SmsResult?[afterCommit.Count];
        for (var s = 0; s < sending.Length; s++)
        {
            smsResults[sending[s]] = sent[s];
        }

        var marks = new List<(Guid InvitationId, string? ProviderId, DateTimeOffset At)>();
        var records = new List<(int Index, Guid JobId, RowOutcome Outcome)>();
        for (var k = 0; k < afterCommit.Count; k++)
        {
            var (index, row, invitation) = afterCommit[k];
            var result = Invited(invitation);
            switch (smsResults[k])
            {
                case { Error: DealerRejectedException ex }:
                    result = Rejected(row, ex.ReasonCode, ex.Message);
                    break;
                case { Error: not null }:
                    // Worth another try: this row alone, through the consumer's retries.
                    continue;
                case { } ok:
                    marks.Add((invitation.Id, ok.ProviderMessageId, clock.GetUtcNow()));
                    break;
                default:
                    break;
            }

            results[index] = result;
            records.Add((index, row.JobId, Outcome(result, messages[index])));
        }

        if (records.Count == 0)
        {
            return;
        }

        // The set-based outcome write needs its rows locked by its transaction, in an earlier statement (a
        // cancel may be marking them Skipped). The row session locks go with the batch: a second delivery of
        // a row then waits for the row lock until the commit, and finds the row done.
        var writes = new List<NpgsqlBatchCommand> { RowOutcomeCommand.LockRows([.. records.Select(r => (r.JobId, r.Outcome.RowNumber))]) };
        if (marks.Count > 0)
        {
            writes.Add(DealerCommands.MarkSmsSent(marks));
        }

        writes.Add(RecordAll(records));
        await using var transaction = await store.BeginAsync(cancellationToken);
        var recorded = await store.ExecuteAsync(transaction, writes, release: true, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        NoteRecorded(results, records, recorded);
    }

    private static NpgsqlBatchCommand RecordAll(List<(int Index, Guid JobId, RowOutcome Outcome)> records) =>
        RowOutcomeCommand.CreateMany([.. records.Select(r => (r.JobId, r.Outcome))]);

    /// <summary>Each recorded row's result says whether this delivery's outcome was the one written.</summary>
    private static void NoteRecorded(
        DealerResult?[] results, List<(int Index, Guid JobId, RowOutcome Outcome)> records, HashSet<(Guid JobId, int RowNumber)> recorded)
    {
        foreach (var (index, jobId, outcome) in records)
        {
            results[index] = results[index]! with { Recorded = recorded.Contains((jobId, outcome.RowNumber)) };
        }
    }
}
