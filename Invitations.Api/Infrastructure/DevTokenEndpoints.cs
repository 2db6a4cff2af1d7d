using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Invitations.Api.Infrastructure;

/// <summary><c>POST /api/v1/dev/tokens</c>: only when <c>Auth:DevTokens</c> is on (Development).</summary>
public static class DevTokenEndpoints
{
    public static IEndpointRouteBuilder MapDevTokens(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value.DevTokens)
        {
            return app;
        }

        app.MapPost("/dev/tokens", IssueToken)
            .WithTags("Development")
            .WithName("IssueDevToken")
            .WithSummary("Issues a signed token for local use (Auth:DevTokens=true only).")
            .AllowAnonymous();
        return app;
    }

    private static Results<Ok<DevTokenResponse>, ValidationProblem> IssueToken(DevTokenRequest request, TokenIssuer issuer)
    {
        if (request.Role is not (Roles.Sponsor or Roles.Support))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["role"] = [$"role must be {Roles.Sponsor} or {Roles.Support}"],
            });
        }

        if (request.Role == Roles.Sponsor && request.SponsorId is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["sponsorId"] = ["a Sponsor token needs a sponsorId"],
            });
        }

        var subject = request.Subject ?? (request.Role == Roles.Sponsor ? $"sponsor-{request.SponsorId}" : "support-dev");
        return TypedResults.Ok(new DevTokenResponse(issuer.Issue(subject, request.SponsorId, request.Role)));
    }

    public sealed record DevTokenRequest(long? SponsorId, string Role = Roles.Sponsor, string? Subject = null);

    public sealed record DevTokenResponse(string Token);
}
