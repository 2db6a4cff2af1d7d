using System.Globalization;
using System.Text.RegularExpressions;
using Invitations.Contracts.BulkInvitations;
using Invitations.Contracts.Dealers;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using Invitations.Worker.Dealers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Invitations.Worker.Sms;

/// <summary>
/// Writes the Turkish text and sends it; returns the provider's message id. The caller records that it went
/// out (with the row's outcome, in one round trip), so a redelivery does not send it twice.
/// </summary>
public sealed partial class SmsDelivery(ISmsSender sender, IOptions<SmsOptions> options)
{
    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");

    /// <summary>The invitation's SMS; <paramref name="resendNumber"/> above 0 for its n-th resend (its own idempotency key).</summary>
    public Task<string?> SendAsync(DealerInvitation invitation, CancellationToken cancellationToken, int resendNumber = 0)
    {
        if (!TurkishMobile().IsMatch(invitation.Phone))
        {
            throw InvalidPhone();
        }

        return sender.SendAsync(Request(invitation) with { ResendNumber = resendNumber }, cancellationToken);
    }

    /// <summary>
    /// Several invitations' SMS, each with its own result (a number that cannot take SMS is refused without
    /// sending); the provider takes them in one request where it can, else <paramref name="concurrency"/> at a time.
    /// </summary>
    public async Task<SmsResult[]> SendManyAsync(IReadOnlyList<DealerInvitation> invitations, int concurrency, CancellationToken cancellationToken)
    {
        var results = new SmsResult[invitations.Count];
        var sending = new List<int>(invitations.Count);
        for (var i = 0; i < invitations.Count; i++)
        {
            if (TurkishMobile().IsMatch(invitations[i].Phone))
            {
                sending.Add(i);
            }
            else
            {
                results[i] = SmsResult.Failed(InvalidPhone());
            }
        }

        if (sending.Count > 0)
        {
            var sent = await sender.SendManyAsync([.. sending.Select(i => Request(invitations[i]))], concurrency, cancellationToken);
            for (var k = 0; k < sending.Count; k++)
            {
                results[sending[k]] = sent[k];
            }
        }

        return results;
    }

    private static DealerRejectedException InvalidPhone() =>
        new(RejectionReasons.InvalidPhone, "The phone number cannot receive SMS.");

    private SmsRequest Request(DealerInvitation invitation)
    {
        var settings = options.Value;
        var template = invitation.Type == InvitationType.AutoCreate ? settings.AccountTemplate : settings.InviteTemplate;
        var body = template
            .Replace("{DealerName}", invitation.DealerName, StringComparison.Ordinal)
            .Replace("{Link}", settings.LinkBaseUrl + invitation.Token, StringComparison.Ordinal)
            .Replace("{ExpiresAt}", invitation.ExpiresAt.ToOffset(TimeSpan.FromHours(3)).ToString("d MMMM yyyy", Turkish), StringComparison.Ordinal);
        return new SmsRequest(invitation.Id, invitation.BulkJobId, invitation.RowNumber, invitation.Phone, body);
    }

    [GeneratedRegex(@"^\+905\d{9}$")]
    private static partial Regex TurkishMobile();
}
