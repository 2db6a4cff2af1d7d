using System.Buffers.Text;
using System.Security.Cryptography;
using Invitations.Contracts.BulkInvitations;
using Invitations.Contracts.Dealers;
using Invitations.Infrastructure.Persistence.Entities;
using Invitations.Infrastructure.Privacy;
using Invitations.Sagas.BulkInvitation.Ports;
using Invitations.Worker.Sms;
using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Invitations.Worker.Dealers;

/// <summary>
/// One row, idempotent per (job, row): in one transaction the invitation (or dealer account) is made and the
/// job's reserved codes of the row's tier are handed to it; then the SMS goes out once; then the row's outcome
/// is recorded (only while the row still waits for this attempt). A redelivery finds what is done, completes
/// what is missing and reports the recorded outcome again, so an outcome lost in a crash is never lost for good.
/// </summary>
public sealed partial class DealerInvitationService(DealerRowStore store, SmsDelivery sms, TimeProvider clock, IOptions<DealerOptions> options)
{
    public async Task<DealerResult> ProcessAsync(InviteDealer message, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(message, cancellationToken);
        }
        finally
        {
            await store.ReleaseAsync();
        }
    }

    private async Task<DealerResult> RunAsync(InviteDealer message, CancellationToken cancellationToken)
    {
        DealerRow row;
        DealerInvitation invitation;
        await using (var transaction = await store.BeginAsync(cancellationToken))
        {
            row = await store.LoadAsync(transaction, message.BulkJobId, message.RowNumber, cancellationToken)
                ?? throw new InvalidOperationException($"Row {message.RowNumber} of job {message.BulkJobId} does not exist.");
            if (row.Status != RowStatus.Pending)
            {
                await transaction.CommitAsync(cancellationToken);
                return Recorded(row, message.Attempt);
            }

            if (row.Invitation is { } existing)
            {
                invitation = existing;
                await transaction.CommitAsync(cancellationToken);
            }
            else if (row.EmailTaken)
            {
                var rejected = Rejected(row, DealerRejectedException.DealerExists, "A dealer or a pending invitation with this email already exists.");
                var recorded = await store.RecordAsync(transaction, row.JobId, Outcome(rejected, message), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return rejected with { Recorded = recorded };
            }
            else
            {
                invitation = NewInvitation(row, out var dealer);
                var outcome = row.SendSms ? null : Outcome(Invited(invitation), message);
                var (created, recorded) = await TryCreateAsync(transaction, invitation, dealer, outcome, cancellationToken);
                if (!created)
                {
                    return await RejectForCodesAsync(row, message, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                if (!row.SendSms)
                {
                    return Invited(invitation) with { Recorded = recorded };
                }
            }
        }

        var invited = Invited(invitation);
        if (!row.SendSms || invitation.SmsSentAt is not null)
        {
            return invited with { Recorded = await store.RecordAsync(row.JobId, Outcome(invited, message), cancellationToken) };
        }

        string? providerId;
        try
        {
            providerId = await sms.SendAsync(invitation, cancellationToken);
        }
        catch (DealerRejectedException ex)
        {
            var rejected = Rejected(row, ex.ReasonCode, ex.Message);
            return rejected with { Recorded = await store.RecordAsync(row.JobId, Outcome(rejected, message), cancellationToken) };
        }

        return invited with { Recorded = await store.RecordSmsSentAsync(invitation, providerId, Outcome(invited, message), cancellationToken) };
    }

    private async Task<(bool Created, bool Recorded)> TryCreateAsync(
        NpgsqlTransaction transaction, DealerInvitation invitation, Dealer? dealer, RowOutcome? outcome, CancellationToken cancellationToken)
    {
        int taken;
        bool recorded;
        try
        {
            (taken, recorded) = await store.CreateAsync(transaction, invitation, dealer, outcome, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // A concurrent delivery of the same row, or another job inviting the same email, won the race:
            // the retry finds the row's invitation, or rejects the email.
            throw new DealerTransientException("A concurrent transaction created the same invitation or dealer.", ex);
        }

        if (taken == invitation.CodeCount)
        {
            return (true, recorded);
        }

        await transaction.RollbackAsync(cancellationToken);
        return (false, false);
    }

    /// <summary>
    /// Too few free codes: if others hold the missing ones (a concurrent row that may still roll back), try
    /// again later; if the job simply has no more, the row is rejected.
    /// </summary>
    private async Task<DealerResult> RejectForCodesAsync(DealerRow row, InviteDealer message, CancellationToken cancellationToken)
    {
        if (await store.CodesLeftAsync(row.JobId, row.Tier, cancellationToken) >= row.CodeCount)
        {
            throw new DealerTransientException("The job's codes are held by another transaction.");
        }

        var rejected = Rejected(row, DealerRejectedException.CodesUnavailable, $"The job has no {row.CodeCount} reserved {row.Tier} codes left for this dealer.");
        return rejected with { Recorded = await store.RecordAsync(row.JobId, Outcome(rejected, message), cancellationToken) };
    }

    /// <summary>A row already final reports its outcome again when this is its current attempt; otherwise nothing.</summary>
    private static DealerResult Recorded(DealerRow row, int attempt)
    {
        var masked = Mask.Email(row.Email);
        return row.Status switch
        {
            _ when row.Attempts != attempt => DealerResult.Nothing(masked),
            RowStatus.Succeeded when row.Invitation is { } invitation => Invited(invitation),
            RowStatus.Failed => Rejected(row, row.ErrorCode ?? "failed", row.Error ?? "The invitation failed."),
            _ => DealerResult.Nothing(masked),
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
