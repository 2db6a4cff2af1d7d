using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using Invitations.Sagas.BulkInvitation.Ports;
using Npgsql;

namespace Invitations.Data.BulkJobs;

/// <summary>
/// Writes one row's outcome, once: only a row still waiting for this very attempt (or skipped by a cancel
/// while it ran) changes; a duplicate or an outcome of an older attempt finds nothing to update. The dealer
/// consumer runs it in its own transaction, the saga for a fault; the saga then recounts the rows.
/// </summary>
public static class RowOutcomeCommand
{
    // A row waits for its outcome while Pending, or Skipped by a cancel that came while it ran.
    private static readonly string Waiting = SqlValues.In(RowStatus.Pending, RowStatus.Skipped);

    private static readonly string Sql = $"""
        UPDATE bulk_invitation_rows
        SET status = @status, error_code = @error_code, error = @error,
            invitation_id = COALESCE(@invitation, invitation_id), dealer_id = COALESCE(@dealer, dealer_id),
            completed_at = @at
        WHERE job_id = @job AND row_number = @row AND attempts = @attempt AND status IN {Waiting}
        """;

    /// <summary>The column names of what <see cref="RecordOutcomes"/> returns: one row for each outcome it recorded.</summary>
    public const string RecordedJob = "recorded_job";

    /// <inheritdoc cref="RecordedJob"/>
    public const string RecordedRow = "recorded_row";

    /// <summary>The columns of what <see cref="RecordOutcomes"/> returns.</summary>
    public static (Column<Guid> JobId, Column<int> RowNumber) RecordedColumns(ResultColumns columns) =>
        (columns.Required<Guid>(RecordedJob), columns.Required<int>(RecordedRow));

    // Each row is found by its key (a lateral lookup) and updated by its tuple id, so the plan stays one index
    // probe per row whatever the table's statistics say (docs/PERFORMANCE.md). A tuple id read in the statement
    // misses a row another transaction changed after the statement began (where the by-key statement above
    // waits and re-checks): the rows must already be locked by this transaction.
    private static readonly string ManySql = $$"""
        UPDATE bulk_invitation_rows r
        SET status = o.status, error_code = o.error_code, error = o.error,
            invitation_id = COALESCE(o.invitation_id, r.invitation_id), dealer_id = COALESCE(o.dealer_id, r.dealer_id),
            completed_at = o.at
        FROM (SELECT x.tid, u.*
              FROM unnest(@jobs, @rows, @attempts, @statuses, @error_codes, @errors, @invitations, @dealers, @ats)
                   AS u(job_id, row_number, attempt, status, error_code, error, invitation_id, dealer_id, at)
              CROSS JOIN LATERAL (SELECT y.ctid AS tid FROM bulk_invitation_rows y
                                  WHERE y.job_id = u.job_id AND y.row_number = u.row_number AND y.attempts = u.attempt
                                    AND y.status IN {{Waiting}}
                                  FOR UPDATE) x) o
        WHERE r.ctid = o.tid
        RETURNING r.job_id AS {{RecordedJob}}, r.row_number AS {{RecordedRow}}
        """;

    /// <summary>
    /// Locks rows (by key, one index probe each) for the transaction, in a statement of its own: what
    /// <see cref="RecordOutcomes"/> and the saga's delta count need before they write rows by tuple id.
    /// </summary>
    public const string LockRowsSql = """
        SELECT count(*) FROM unnest(@jobs, @rows) AS u(job_id, row_number)
        CROSS JOIN LATERAL (SELECT 1 FROM bulk_invitation_rows x
                            WHERE x.job_id = u.job_id AND x.row_number = u.row_number FOR UPDATE) l
        """;

    public static NpgsqlBatchCommand LockRows(IReadOnlyCollection<(Guid JobId, int RowNumber)> rows)
    {
        var command = new NpgsqlBatchCommand(LockRowsSql);
        command.Parameters.AddWithValue("jobs", rows.Select(r => r.JobId).ToArray());
        command.Parameters.AddWithValue("rows", rows.Select(r => r.RowNumber).ToArray());
        return command;
    }

    /// <summary>
    /// Many rows' outcomes in one statement, each on the same condition as <see cref="ExecuteAsync"/>, for rows this
    /// transaction has locked; it returns (<see cref="RecordedJob"/>, <see cref="RecordedRow"/>) for each row it recorded.
    /// </summary>
    public static NpgsqlBatchCommand RecordOutcomes(IReadOnlyList<(Guid JobId, RowOutcome Outcome)> outcomes)
    {
        var command = new NpgsqlBatchCommand(ManySql);
        var p = command.Parameters;
        p.AddWithValue("jobs", outcomes.Select(o => o.JobId).ToArray());
        p.AddWithValue("rows", outcomes.Select(o => o.Outcome.RowNumber).ToArray());
        p.AddWithValue("attempts", outcomes.Select(o => o.Outcome.Attempt).ToArray());
        p.AddWithValue("statuses", outcomes.Select(o => o.Outcome.Succeeded ? "Succeeded" : "Failed").ToArray());
        p.AddWithValue("error_codes", outcomes.Select(o => o.Outcome.ErrorCode).ToArray());
        p.AddWithValue("errors", outcomes.Select(o => DbCommands.Truncate(o.Outcome.Error, 1000)).ToArray());
        p.AddWithValue("invitations", outcomes.Select(o => o.Outcome.InvitationId).ToArray());
        p.AddWithValue("dealers", outcomes.Select(o => o.Outcome.DealerId).ToArray());
        p.AddWithValue("ats", outcomes.Select(o => o.Outcome.At).ToArray());
        return command;
    }

    /// <summary>True when this outcome changed the row (it was the first for the row's current attempt).</summary>
    public static async Task<bool> ExecuteAsync(NpgsqlCommand command, Guid jobId, RowOutcome outcome, CancellationToken cancellationToken)
    {
        command.CommandText = Sql;
        Fill(command.Parameters, jobId, outcome);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static void Fill(NpgsqlParameterCollection parameters, Guid jobId, RowOutcome outcome)
    {
        parameters.AddWithValue("job", jobId);
        parameters.AddWithValue("row", outcome.RowNumber);
        parameters.AddWithValue("attempt", outcome.Attempt);
        parameters.AddWithValue("status", outcome.Succeeded ? "Succeeded" : "Failed");
        parameters.AddWithValue("error_code", (object?)outcome.ErrorCode ?? DBNull.Value);
        parameters.AddWithValue("error", (object?)DbCommands.Truncate(outcome.Error, 1000) ?? DBNull.Value);
        parameters.AddWithValue("invitation", (object?)outcome.InvitationId ?? DBNull.Value);
        parameters.AddWithValue("dealer", (object?)outcome.DealerId ?? DBNull.Value);
        parameters.AddWithValue("at", outcome.At);
    }
}
