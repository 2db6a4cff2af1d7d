using Invitations.Infrastructure.Privacy;
using Npgsql;

namespace Invitations.Worker.Sms;

/// <summary>Development: nothing leaves the machine; the text is stored so the dashboard can show it.</summary>
public sealed partial class LogSmsSender(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<LogSmsSender> logger) : ISmsSender
{
    public string Name => "Log";

    public async Task<string?> SendAsync(SmsRequest request, CancellationToken cancellationToken)
    {
        LogSms(logger, Mask.Phone(request.Phone), request.Body.Length, request.BulkJobId, request.RowNumber);
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO sms_messages (invitation_id, bulk_job_id, row_number, phone, body, provider, sent_at)
            VALUES (@invitation, @job, @row, @phone, @body, @provider, @at)
            ON CONFLICT (invitation_id) DO NOTHING
            """);
        command.Parameters.AddWithValue("invitation", request.InvitationId);
        command.Parameters.AddWithValue("job", request.BulkJobId);
        command.Parameters.AddWithValue("row", request.RowNumber);
        command.Parameters.AddWithValue("phone", request.Phone);
        command.Parameters.AddWithValue("body", request.Body);
        command.Parameters.AddWithValue("provider", Name);
        command.Parameters.AddWithValue("at", clock.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS (log provider) to {Phone}, {Length} characters, job {JobId} row {Row}")]
    private static partial void LogSms(ILogger logger, string phone, int length, Guid jobId, int row);
}
