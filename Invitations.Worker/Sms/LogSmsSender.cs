using Invitations.Infrastructure.Persistence;
using Invitations.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Sms;

/// <summary>Development: nothing leaves the machine; the text is stored so the dashboard can show it.</summary>
public sealed partial class LogSmsSender(InvitationsDbContext db, TimeProvider clock, ILogger<LogSmsSender> logger) : ISmsSender
{
    public string Name => "Log";

    public async Task<string?> SendAsync(SmsRequest request, CancellationToken cancellationToken)
    {
        LogSms(logger, Mask.Phone(request.Phone), request.Body.Length, request.BulkJobId, request.RowNumber);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO sms_messages (invitation_id, bulk_job_id, row_number, phone, body, provider, sent_at)
            VALUES ({request.InvitationId}, {request.BulkJobId}, {request.RowNumber}, {request.Phone}, {request.Body}, {Name}, {clock.GetUtcNow()})
            ON CONFLICT (invitation_id) DO NOTHING
            """,
            cancellationToken);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS (log provider) to {Phone}, {Length} characters, job {JobId} row {Row}")]
    private static partial void LogSms(ILogger logger, string phone, int length, Guid jobId, int row);
}
