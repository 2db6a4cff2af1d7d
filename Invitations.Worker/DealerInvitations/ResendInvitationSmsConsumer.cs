using Invitations.Contracts.Dealers;
using Invitations.Worker.Dealers;
using MassTransit;

namespace Invitations.Worker.DealerInvitations;

/// <summary>Thin: the sender decides whether this resend still has to go out.</summary>
public sealed partial class ResendInvitationSmsConsumer(ResendSmsSender sender, ILogger<ResendInvitationSmsConsumer> logger) : IConsumer<ResendInvitationSms>
{
    public async Task Consume(ConsumeContext<ResendInvitationSms> context)
    {
        var message = context.Message;
        try
        {
            var sent = await sender.SendAsync(message, context.CancellationToken);
            LogResend(logger, message.BulkJobId, message.RowNumber, message.ResendNumber, sent);
        }
        catch (DealerRejectedException ex)
        {
            // The gateway refuses this number or text: retrying cannot help; the sponsor sees no new SMS.
            LogRefused(logger, message.BulkJobId, message.RowNumber, message.ResendNumber, ex.ReasonCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS resend {Resend} of job {JobId} row {Row}: sent now {Sent}")]
    private static partial void LogResend(ILogger logger, Guid jobId, int row, int resend, bool sent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS resend {Resend} of job {JobId} row {Row} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, Guid jobId, int row, int resend, string reason);
}
