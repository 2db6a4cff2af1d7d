using System.ComponentModel.DataAnnotations;

namespace Invitations.Api.DealerInvitations;

/// <summary><c>DealerInvitations</c>: the token routes' budget per client address, and the SMS resend window.</summary>
public sealed class DealerInvitationOptions
{
    public const string SectionName = "DealerInvitations";

    /// <summary>Requests per window per client address, on the page's data and the accept and decline routes together.</summary>
    [Range(1, 100_000)]
    public int RateLimitPermits { get; set; } = 30;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>At most one SMS resend per row in this time.</summary>
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromMinutes(10);
}
