using Invitations.Contracts.Dealers;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using Invitations.Worker.Sms;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.DealerInvitations;

/// <summary>
/// Sends an invitation's n-th resend once: under the invitation's transaction-scoped advisory lock, so two
/// deliveries of one resend take turns, and only while fewer than n resends went out. The SMS carries its own
/// idempotency key (invitation and resend number), so a gateway that dedups sees one message per resend.
/// </summary>
public sealed class ResendSmsSender(InvitationsDbContext db, SmsDelivery sms)
{
    /// <summary>Returns whether this call sent it (false: already sent, or the invitation is no longer pending).</summary>
    public async Task<bool> SendAsync(ResendInvitationSms message, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({message.InvitationId.ToString("N")}, 18))", cancellationToken);
        var invitation = await db.DealerInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == message.InvitationId, cancellationToken);
        if (invitation is null || invitation.Status != InvitationStatus.Pending || invitation.SmsResendsSent >= message.ResendNumber)
        {
            return false;
        }

        var providerId = await sms.SendAsync(invitation, cancellationToken, message.ResendNumber);
        await db.DealerInvitations.Where(i => i.Id == invitation.Id)
            .ExecuteUpdateAsync(
                s => s.SetProperty(i => i.SmsResendsSent, message.ResendNumber).SetProperty(i => i.SmsProviderMessageId, i => providerId ?? i.SmsProviderMessageId),
                cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
