using Invitations.Sagas.BulkInvitation.Ports;
using Npgsql;

namespace Invitations.Infrastructure.BulkJobs;

/// <summary>
/// Writes one row's outcome, once: only a row still waiting for this very attempt (or skipped by a cancel
/// while it ran) changes; a duplicate or an outcome of an older attempt finds nothing to update. The dealer
/// consumer runs it in its own transaction, the saga for a fault; the saga then recounts the rows.
/// </summary>
public static class RowOutcomeCommand
{
    private const string Sql = """
        WITH old AS (
            SELECT status FROM bulk_invitation_rows
            WHERE job_id = @job AND row_number = @row AND attempts = @attempt AND status IN ('Pending', 'Skipped')
            FOR UPDATE)
        UPDATE bulk_invitation_rows r
        SET status = @status, error_code = @error_code, error = @error,
            invitation_id = COALESCE(@invitation, r.invitation_id), dealer_id = COALESCE(@dealer, r.dealer_id),
            completed_at = @at
        FROM old
        WHERE r.job_id = @job AND r.row_number = @row
        RETURNING old.status
        """;

    public static NpgsqlBatchCommand Create(Guid jobId, RowOutcome outcome)
    {
        var command = new NpgsqlBatchCommand(Sql);
        Fill(command.Parameters, jobId, outcome);
        return command;
    }

    public static async Task<RecordedOutcome> ExecuteAsync(NpgsqlCommand command, Guid jobId, RowOutcome outcome, CancellationToken cancellationToken)
    {
        command.CommandText = Sql;
        Fill(command.Parameters, jobId, outcome);
        return Read(await command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>What the update's single value (the row's previous status, or nothing) means.</summary>
    public static RecordedOutcome Read(object? previousStatus) => previousStatus switch
    {
        "Pending" => RecordedOutcome.FromPending,
        "Skipped" => RecordedOutcome.FromSkipped,
        _ => RecordedOutcome.Ignored,
    };

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
