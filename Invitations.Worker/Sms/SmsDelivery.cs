using System.Globalization;
using System.Text.RegularExpressions;
using Invitations.Contracts.BulkInvitations;
using Invitations.Infrastructure.Persistence;
using Invitations.Infrastructure.Persistence.Entities;
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

    public Task<string?> SendAsync(DealerInvitation invitation, CancellationToken cancellationToken)
    {
        if (!TurkishMobile().IsMatch(invitation.Phone))
        {
            throw new DealerRejectedException(DealerRejectedException.InvalidPhone, "The phone number cannot receive SMS.");
        }

        var settings = options.Value;
        var template = invitation.Type == InvitationType.AutoCreate ? settings.AccountTemplate : settings.InviteTemplate;
        var body = template
            .Replace("{DealerName}", invitation.DealerName, StringComparison.Ordinal)
            .Replace("{Link}", settings.LinkBaseUrl + invitation.Token, StringComparison.Ordinal)
            .Replace("{ExpiresAt}", invitation.ExpiresAt.ToOffset(TimeSpan.FromHours(3)).ToString("d MMMM yyyy", Turkish), StringComparison.Ordinal);
        var request = new SmsRequest(invitation.Id, invitation.BulkJobId, invitation.RowNumber, invitation.Phone, body);
        return sender.SendAsync(request, cancellationToken);
    }

    [GeneratedRegex(@"^\+905\d{9}$")]
    private static partial Regex TurkishMobile();
}
