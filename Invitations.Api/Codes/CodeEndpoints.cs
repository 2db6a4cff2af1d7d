using Invitations.Api.Infrastructure;
using Invitations.Api.Uploads.Validation;
using Invitations.Data.Codes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invitations.Api.Codes;

/// <summary><c>POST /api/v1/support/sponsors/{sponsorId}/codes</c>: how codes arrive from the platform.</summary>
public static partial class CodeEndpoints
{
    public static IEndpointRouteBuilder MapCodes(this IEndpointRouteBuilder app)
    {
        app.MapPost("/support/sponsors/{sponsorId:long}/codes", IssueCodes)
            .WithTags("Support")
            .RequireAuthorization(AuthServiceCollectionExtensions.SupportPolicy)
            .WithName("IssueSponsorCodes")
            .WithSummary("Issues new unique codes of a tier to a sponsor.");
        return app;
    }

    private static async Task<Results<Ok<IssueCodesResponse>, ValidationProblem>> IssueCodes(
        long sponsorId, IssueCodesRequest request, CodeIssuer issuer, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var tier = DealerFields.ParseTier(request.Tier ?? string.Empty);
        if (tier is null)
        {
            errors["tier"] = ["tier must be S, M, L or XL"];
        }

        if (request.Count is < 1 or > CodeIssuer.MaxCountPerRequest)
        {
            errors["count"] = [$"count must be from 1 to {CodeIssuer.MaxCountPerRequest}"];
        }

        if (request.ExpiresAt is { } expires && expires <= clock.GetUtcNow())
        {
            errors["expiresAt"] = ["expiresAt must be in the future"];
        }

        if (sponsorId <= 0)
        {
            errors["sponsorId"] = ["sponsorId must be positive"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await issuer.IssueAsync(sponsorId, tier!.Value, request.Count, request.ExpiresAt?.ToUniversalTime(), cancellationToken);
        LogIssued(loggers.CreateLogger(typeof(CodeEndpoints)), result.Issued, result.Tier.ToString(), sponsorId, result.Available);
        return TypedResults.Ok(new IssueCodesResponse(result.Tier.ToString(), result.Issued, result.Available));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued {Issued} {Tier} codes to sponsor {SponsorId}; {Available} available")]
    private static partial void LogIssued(ILogger logger, int issued, string tier, long sponsorId, int available);
}
