using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using Npgsql;

namespace Invitations.Api.SmsDeliveryReports;

/// <summary>
/// Records a report on the invitation whose SMS carried the gateway's message id, in one statement. Reports come
/// twice or out of order: a final state (Delivered, Undelivered) is never replaced by a non-final report nor by
/// an older one; a non-final one only moves a non-final state on in time; the same report again changes nothing.
/// </summary>
public sealed class SmsDeliveryReportStore(NpgsqlDataSource dataSource)
{
    private static readonly string Sent = SqlValues.Of(SmsDeliveryStatus.Sent);

    internal static readonly string RecordSql = $"""
        WITH target AS (
            SELECT id, sms_delivery_status AS status, sms_delivery_reported_at AS at
            FROM dealer_invitations WHERE sms_provider_message_id = @id
            FOR UPDATE),
        changed AS (
            UPDATE dealer_invitations d
            SET sms_delivery_status = @status, sms_delivery_reason = @reason, sms_delivery_reported_at = @at
            FROM target t
            WHERE d.id = t.id AND (
                t.status IS NULL
                OR (t.status = {Sent} AND (@final OR @at > t.at))
                OR (@final AND t.status <> {Sent} AND @at > t.at))
            RETURNING d.id)
        SELECT (SELECT count(*) FROM target) AS found, (SELECT count(*) FROM changed) AS changed
        """;

    /// <summary>Null when no invitation carries the id; otherwise whether the report changed what is recorded.</summary>
    public async Task<bool?> RecordAsync(string messageId, SmsDeliveryStatus status, string? reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(RecordSql);
        command.Parameters.AddWithValue("id", messageId);
        command.Parameters.AddWithValue("status", status.ToString());
        command.Parameters.AddWithValue("reason", (object?)reason ?? DBNull.Value);
        command.Parameters.AddWithValue("at", at);
        command.Parameters.AddWithValue("final", status != SmsDeliveryStatus.Sent);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var (found, changed) = RecordColumns(new ResultColumns(reader));
        await reader.ReadAsync(cancellationToken);
        return found.Value == 0 ? null : changed.Value > 0;
    }

    /// <summary>How many invitations <see cref="RecordSql"/> found for the id and how many it changed.</summary>
    internal static (Column<long> Found, Column<long> Changed) RecordColumns(ResultColumns columns) =>
        (columns.Required<long>("found"), columns.Required<long>("changed"));
}
