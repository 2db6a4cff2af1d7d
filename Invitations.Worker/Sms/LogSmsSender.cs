using Invitations.Data.Privacy;
using Npgsql;

namespace Invitations.Worker.Sms;

/// <summary>Development: nothing leaves the machine; the text is stored so the dashboard can show it.</summary>
public sealed partial class LogSmsSender(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<LogSmsSender> logger) : ISmsSender
{
    private const string InsertSql = """
        INSERT INTO sms_messages (invitation_id, resend_number, bulk_job_id, row_number, phone, body, provider, sent_at)
        SELECT m.invitation_id, m.resend_number, m.bulk_job_id, m.row_number, m.phone, m.body, @provider, @at
        FROM unnest(@invitations, @resends, @jobs, @rows, @phones, @bodies) AS m(invitation_id, resend_number, bulk_job_id, row_number, phone, body)
        ON CONFLICT (invitation_id, resend_number) DO NOTHING
        """;

    public string Name => "Log";

    public async Task<string?> SendAsync(SmsRequest request, CancellationToken cancellationToken)
    {
        await StoreAsync([request], cancellationToken);
        return null;
    }

    /// <summary>A group's messages in one statement: they are stored together or not at all.</summary>
    public async Task<SmsResult[]> SendManyAsync(IReadOnlyList<SmsRequest> requests, int concurrency, CancellationToken cancellationToken)
    {
        try
        {
            await StoreAsync(requests, cancellationToken);
            return [.. requests.Select(_ => SmsResult.Sent(null))];
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            return [.. requests.Select(_ => SmsResult.Failed(ex))];
        }
    }

    private async Task StoreAsync(IReadOnlyList<SmsRequest> requests, CancellationToken cancellationToken)
    {
        foreach (var request in requests)
        {
            LogSms(logger, Mask.Phone(request.Phone), request.Body.Length, request.BulkJobId, request.RowNumber);
        }

        await using var command = dataSource.CreateCommand(InsertSql);
        command.Parameters.AddWithValue("invitations", requests.Select(r => r.InvitationId).ToArray());
        command.Parameters.AddWithValue("resends", requests.Select(r => r.ResendNumber).ToArray());
        command.Parameters.AddWithValue("jobs", requests.Select(r => r.BulkJobId).ToArray());
        command.Parameters.AddWithValue("rows", requests.Select(r => r.RowNumber).ToArray());
        command.Parameters.AddWithValue("phones", requests.Select(r => r.Phone).ToArray());
        command.Parameters.AddWithValue("bodies", requests.Select(r => r.Body).ToArray());
        command.Parameters.AddWithValue("provider", Name);
        command.Parameters.AddWithValue("at", clock.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS (log provider) to {Phone}, {Length} characters, job {JobId} row {Row}")]
    private static partial void LogSms(ILogger logger, string phone, int length, Guid jobId, int row);
}
