using Invitations.Api.Uploads;
using Invitations.Data.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invitations.Api.DealerInvitations;

/// <summary>
/// The dealer's side, without sign-in (the token is the credential): the page <c>GET /invitations/{token}</c>
/// and <c>/api/v1/invitations/{token}</c> (view, accept, decline), all rate-limited per client address.
/// </summary>
public static partial class DealerInvitationEndpoints
{
    public const string PagePath = "/invitations";

    /// <summary>Base64url of 32 random bytes is 43 characters; anything unlike a token is unknown without asking the database.</summary>
    private const int MaxTokenLength = 64;

    public static IEndpointRouteBuilder MapDealerInvitations(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/invitations")
            .WithTags("Dealer invitations")
            .AllowAnonymous()
            .RequireRateLimiting(InvitationRateLimitPolicy.Name);
        group.MapGet("/{token}", View).WithName("GetDealerInvitation").WithSummary("What the invitation page shows");
        group.MapPost("/{token}/accept", Accept).WithName("AcceptDealerInvitation").WithSummary("The dealer accepts: account and codes");
        group.MapPost("/{token}/decline", Decline).WithName("DeclineDealerInvitation").WithSummary("The dealer declines: codes back to the sponsor");
        return api;
    }

    /// <summary>The page, at the site root, answered with the invitation's status (404, 410, 409) so even its status line is right.</summary>
    public static IEndpointRouteBuilder MapDealerInvitationPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(PagePath + "/{token}", Page).ExcludeFromDescription().AllowAnonymous().RequireRateLimiting(InvitationRateLimitPolicy.Name);
        return app;
    }

    private static async Task<IResult> Page(string token, InvitationAnswerStore store, IWebHostEnvironment environment, CancellationToken cancellationToken)
    {
        var kind = IsToken(token) ? (await store.ViewAsync(token, cancellationToken)).Kind : InvitationAnswerKind.NotFound;
        var status = kind switch
        {
            InvitationAnswerKind.NotFound => StatusCodes.Status404NotFound,
            InvitationAnswerKind.Expired => StatusCodes.Status410Gone,
            InvitationAnswerKind.Declined => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status200OK,
        };
        var html = environment.WebRootFileProvider.GetFileInfo("invitation.html");
        return new PageResult(html.CreateReadStream(), status);
    }

    private static async Task<Results<Ok<InvitationViewResponse>, ProblemHttpResult>> View(
        string token, HttpRequest request, InvitationAnswerStore store, CancellationToken cancellationToken)
    {
        var answer = IsToken(token) ? await store.ViewAsync(token, cancellationToken) : new(InvitationAnswerKind.NotFound);
        if (answer is not { Kind: InvitationAnswerKind.Done, Invitation: { } invitation })
        {
            return InvitationProblems.For(answer.Kind, UploadLanguages.From(request));
        }

        return TypedResults.Ok(new InvitationViewResponse(
            invitation.Status.ToString(), invitation.Type.ToString(), invitation.SponsorId, invitation.DealerName, invitation.Tier.ToString(),
            invitation.CodeCount, invitation.ExpiresAt, answer.Codes ?? []));
    }

    private static async Task<Results<Ok<InvitationAcceptedResponse>, ProblemHttpResult>> Accept(
        string token, HttpRequest request, InvitationAnswerStore store, InvitationChangeNotifier notifier, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var answer = IsToken(token) ? await store.AcceptAsync(token, cancellationToken) : new(InvitationAnswerKind.NotFound);
        LogAnswer(loggers.CreateLogger(typeof(DealerInvitationEndpoints)), "accept", Mask.Token(token), answer.Kind, answer.Changed);
        if (answer is not { Kind: InvitationAnswerKind.Done, Invitation: { DealerId: { } dealerId } invitation })
        {
            return InvitationProblems.For(answer.Kind, UploadLanguages.From(request));
        }

        if (answer.Changed)
        {
            await notifier.NotifyAsync(invitation);
        }

        return TypedResults.Ok(new InvitationAcceptedResponse("Accepted", dealerId, invitation.Tier.ToString(), answer.Codes ?? []));
    }

    private static async Task<Results<Ok<InvitationDeclinedResponse>, ProblemHttpResult>> Decline(
        string token, HttpRequest request, InvitationAnswerStore store, InvitationChangeNotifier notifier, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var answer = IsToken(token) ? await store.DeclineAsync(token, cancellationToken) : new(InvitationAnswerKind.NotFound);
        LogAnswer(loggers.CreateLogger(typeof(DealerInvitationEndpoints)), "decline", Mask.Token(token), answer.Kind, answer.Changed);
        if (answer is not { Kind: InvitationAnswerKind.Done, Invitation: { } invitation })
        {
            return InvitationProblems.For(answer.Kind, UploadLanguages.From(request));
        }

        if (answer.Changed)
        {
            await notifier.NotifyAsync(invitation);
        }

        return TypedResults.Ok(new InvitationDeclinedResponse("Declined"));
    }

    private static bool IsToken(string token) =>
        token.Length is > 0 and <= MaxTokenLength && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation {Token}: {Action} answered {Kind} (changed: {Changed})")]
    private static partial void LogAnswer(ILogger logger, string action, string token, InvitationAnswerKind kind, bool changed);

    /// <summary>A static page answered with a chosen status code.</summary>
    private sealed class PageResult(Stream content, int statusCode) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            await using (content)
            {
                httpContext.Response.StatusCode = statusCode;
                httpContext.Response.ContentType = "text/html; charset=utf-8";
                httpContext.Response.Headers.CacheControl = "no-store";
                await content.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted);
            }
        }
    }
}
