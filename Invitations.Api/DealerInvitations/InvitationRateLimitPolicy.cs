using System.Globalization;
using System.Threading.RateLimiting;
using Invitations.Api.Uploads;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Invitations.Api.DealerInvitations;

/// <summary>
/// A fixed window per client address for the token routes: they need no sign-in, so the address is the
/// only handle on someone trying tokens. Its own rejection answer (the uploads' one speaks of uploads).
/// </summary>
public sealed class InvitationRateLimitPolicy(IOptions<DealerInvitationOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "dealer-invitations";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => WriteRejectionAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(
            httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.Value.RateLimitPermits,
                Window = options.Value.RateLimitWindow,
                QueueLimit = 0,
            });

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = InvitationProblems.RateLimited(UploadLanguages.From(http.Request)),
        });
    }
}
