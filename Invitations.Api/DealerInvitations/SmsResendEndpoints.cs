using System.Globalization;
using System.Security.Claims;
using Invitations.Api.Infrastructure;
using Invitations.Api.Jobs;
using Invitations.Api.Uploads;
using Invitations.Contracts.Dealers;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Invitations.Api.DealerInvitations;

/// <summary>
/// <c>POST /api/v1/bulk-invitations/{jobId}/rows/{row}/resend-sms</c> (the job's sponsor or support): a pending
/// invitation's SMS again, at most once per <c>DealerInvitations:ResendInterval</c> per row (429 with Retry-After
/// inside it, 409 when the invitation is no longer pending, 404 when the row has none).
/// </summary>
public static class SmsResendEndpoints
{
    public static IEndpointRouteBuilder MapSmsResends(this IEndpointRouteBuilder api)
    {
        api.MapPost("/bulk-invitations/{jobId:guid}/rows/{row:int}/resend-sms", Resend)
            .WithTags("Bulk invitations")
            .RequireAuthorization(AuthServiceCollectionExtensions.SponsorPolicy)
            .WithName("ResendInvitationSms")
            .WithSummary("Sends a pending invitation's SMS again");
        return api;
    }

    private static async Task<Results<Accepted<SmsResendResponse>, NotFound, ProblemHttpResult>> Resend(
        Guid jobId, int row, ClaimsPrincipal user, HttpContext http, InvitationsDbContext db, IPublishEndpoint publish,
        TimeProvider clock, IOptions<DealerInvitationOptions> options, CancellationToken cancellationToken)
    {
        if (await JobEndpoints.FindVisibleAsync(db, jobId, user, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        var since = now - options.Value.ResendInterval;
        var invitations = db.DealerInvitations.Where(i => i.BulkJobId == jobId && i.RowNumber == row);
        var taken = await invitations
            .Where(i => i.Status == InvitationStatus.Pending && i.ExpiresAt > now && (i.SmsResentAt == null || i.SmsResentAt <= since))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.SmsResendCount, i => i.SmsResendCount + 1).SetProperty(i => i.SmsResentAt, now), cancellationToken);
        var invitation = await invitations.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var language = UploadLanguages.From(http.Request);
        if (invitation is null)
        {
            return TypedResults.NotFound();
        }

        if (taken == 0)
        {
            return Refusal(invitation, now, options.Value.ResendInterval, http, language);
        }

        var message = new ResendInvitationSms { BulkJobId = jobId, RowNumber = row, InvitationId = invitation.Id, ResendNumber = invitation.SmsResendCount };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await publish.Publish(message, timeout.Token);
        }
        catch (Exception)
        {
            // Not sent: give the row its window back, so the sponsor can ask again at once.
            await invitations.Where(i => i.SmsResendCount == message.ResendNumber)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.SmsResendCount, message.ResendNumber - 1).SetProperty(i => i.SmsResentAt, (DateTimeOffset?)null), CancellationToken.None);
            return Problem(StatusCodes.Status503ServiceUnavailable, language == UploadLanguage.Turkish
                ? "SMS şu anda gönderilemiyor; biraz sonra yeniden deneyin." : "The SMS cannot be sent right now; try again shortly.");
        }

        return TypedResults.Accepted((string?)null, new SmsResendResponse(invitation.Id, row, message.ResendNumber));
    }

    private static ProblemHttpResult Refusal(DealerInvitation invitation, DateTimeOffset now, TimeSpan interval, HttpContext http, UploadLanguage language)
    {
        var turkish = language == UploadLanguage.Turkish;
        if (invitation.Status != InvitationStatus.Pending || invitation.ExpiresAt <= now)
        {
            return Problem(StatusCodes.Status409Conflict, turkish
                ? $"Bu davet artık beklemede değil ({invitation.Status}); SMS yeniden gönderilemez."
                : $"This invitation is no longer pending ({invitation.Status}); its SMS cannot be sent again.");
        }

        var wait = (invitation.SmsResentAt ?? now) + interval - now;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problem(StatusCodes.Status429TooManyRequests, turkish
            ? $"Bu satırın SMS'i kısa süre önce yeniden gönderildi; {seconds} saniye sonra yeniden deneyin."
            : $"This row's SMS was resent a short while ago; try again in {seconds} seconds.");
    }

    private static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = ReasonPhrases(status), Detail = detail });

    private static string ReasonPhrases(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
