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
        UPDATE bulk_invitation_rows
        SET status = @status, error_code = @error_code, error = @error,
            invitation_id = COALESCE(@invitation, invitation_id), dealer_id = COALESCE(@dealer, dealer_id),
            completed_at = @at
        WHERE job_id = @job AND row_number = @row AND attempts = @attempt AND status IN ('Pending', 'Skipped')
        """;

    public static NpgsqlBatchCommand Create(Guid jobId, RowOutcome outcome)
    {
        var command = new NpgsqlBatchCommand(Sql);
        Fill(command.Parameters, jobId, outcome);
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
