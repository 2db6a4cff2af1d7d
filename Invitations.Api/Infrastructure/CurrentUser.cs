using System.Globalization;
using System.Security.Claims;

namespace Invitations.Api.Infrastructure;

/// <summary>Who is calling, read from the validated token's claims.</summary>
public sealed record CurrentUser(string Subject, long? SponsorId, bool IsSupport)
{
    public static CurrentUser From(ClaimsPrincipal principal)
    {
        var subject = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue("sub") ?? "unknown";
        var sponsorClaim = principal.FindFirstValue(Roles.SponsorIdClaim);
        long? sponsorId = long.TryParse(sponsorClaim, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
        return new CurrentUser(subject, sponsorId, principal.IsInRole(Roles.Support));
    }

    /// <summary>A sponsor sees its own jobs only; support sees every job.</summary>
    public bool CanSee(long jobSponsorId) => IsSupport || SponsorId == jobSponsorId;
}
