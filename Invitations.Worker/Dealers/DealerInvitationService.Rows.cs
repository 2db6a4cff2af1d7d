using System.Buffers.Text;
using System.Security.Cryptography;
using Invitations.Contracts.BulkInvitations;
using Invitations.Contracts.Dealers;
using Invitations.Data.Persistence.Entities;
using Invitations.Data.Privacy;
using Invitations.Sagas.BulkInvitation.Ports;
using MassTransit;

namespace Invitations.Worker.Dealers;

/// <summary>What a row makes (its invitation, its dealer account) and the results and outcomes it reports.</summary>
public sealed partial class DealerInvitationService
{
    /// <summary>A row already final reports its outcome again when this is its current attempt; otherwise nothing.</summary>
    private static DealerResult Recorded(DealerRow row, int attempt)
    {
        var masked = Mask.Email(row.Email);
        return row.Status switch
        {
            _ when row.Attempts != attempt => DealerResult.NothingToReport(masked),
            RowStatus.Succeeded when row.Invitation is { } invitation => Invited(invitation),
            RowStatus.Failed => Rejected(row, row.ErrorCode ?? "failed", row.Error ?? "The invitation failed."),
            _ => DealerResult.NothingToReport(masked),
        };
    }

    private DealerInvitation NewInvitation(DealerRow row, out Dealer? dealer)
    {
        var now = clock.GetUtcNow();
        dealer = row.InvitationType != InvitationType.AutoCreate ? null : new Dealer
        {
            Id = NewId.NextGuid(),
            SponsorId = row.SponsorId,
            Email = row.Email,
            Phone = row.Phone,
            Name = row.DealerName,
            CreatedAt = now,
            SourceJobId = row.JobId,
            SourceRowNumber = row.RowNumber,
        };
        return new DealerInvitation
        {
            Id = NewId.NextGuid(),
            SponsorId = row.SponsorId,
            BulkJobId = row.JobId,
            RowNumber = row.RowNumber,
            Type = row.InvitationType,
            Status = row.InvitationType == InvitationType.AutoCreate ? InvitationStatus.Accepted : InvitationStatus.Pending,
            Email = row.Email,
            Phone = row.Phone,
            DealerName = row.DealerName,
            Tier = row.Tier,
            CodeCount = row.CodeCount,
            Token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)),
            ExpiresAt = now + options.Value.InvitationLifetime,
            DealerId = dealer?.Id,
            CreatedAt = now,
        };
    }

    private static DealerResult Invited(DealerInvitation invitation) =>
        new(DealerResultKind.Invited, Mask.Email(invitation.Email), invitation.Id, invitation.DealerId, invitation.CodeCount);

    private static DealerResult Rejected(DealerRow row, string reasonCode, string reason) =>
        new(DealerResultKind.Rejected, Mask.Email(row.Email), ReasonCode: reasonCode, Reason: reason);

    private RowOutcome Outcome(DealerResult result, InviteDealer message) => new(
        message.RowNumber, message.Attempt, result.Kind == DealerResultKind.Invited, result.InvitationId, result.DealerId, result.ReasonCode, result.Reason, clock.GetUtcNow());
}
