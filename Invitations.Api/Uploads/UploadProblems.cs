using Invitations.Api.Jobs;
using Invitations.Api.Uploads.Acceptance;
using Invitations.Api.Uploads.Parsing;
using Invitations.Api.Uploads.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Invitations.Api.Uploads;

/// <summary>The upload's ProblemDetails, titled and explained in the caller's language.</summary>
public static class UploadProblems
{
    public static ProblemHttpResult Rejected(UploadRejectedException rejected, UploadLanguage language, HttpResponse response)
    {
        if (rejected.StatusCode == StatusCodes.Status503ServiceUnavailable && rejected.Args is [int seconds, ..])
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Problem(rejected.StatusCode, language, rejected.TitleKey, UploadText.Get(language, rejected.DetailKey, [.. rejected.Args]));
    }

    public static ProblemHttpResult Invalid(IReadOnlyList<RowError> errors, UploadLanguage language) =>
        Problem(StatusCodes.Status400BadRequest, language, "title.invalid", UploadText.Get(language, "detail.invalid", errors.Count),
            ("errors", errors));

    public static ProblemHttpResult NotEnoughCodes(IReadOnlyList<TierCodes> tiers, UploadLanguage language) =>
        Problem(StatusCodes.Status409Conflict, language, "title.conflict", UploadText.Get(language, "codes-short"),
            ("shortages", tiers));

    public static ProblemHttpResult AlreadyRunning(Guid jobId, UploadLanguage language) =>
        Problem(StatusCodes.Status409Conflict, language, "title.running", UploadText.Get(language, "running", jobId),
            ("jobId", jobId), ("statusUrl", JobEndpoints.StatusUrl(jobId)));

    public static ProblemHttpResult KeyReused(UploadLanguage language) =>
        Problem(StatusCodes.Status422UnprocessableEntity, language, "title.idempotency", UploadText.Get(language, "idempotency"));

    public static ProblemDetails RateLimited(UploadLanguage language) => new()
    {
        Status = StatusCodes.Status429TooManyRequests,
        Title = UploadText.Get(language, "title.rate-limit"),
        Detail = UploadText.Get(language, "rate-limit"),
    };

    private static ProblemHttpResult Problem(int status, UploadLanguage language, string titleKey, string detail, params (string Key, object? Value)[] extensions)
    {
        var problem = new ProblemDetails { Status = status, Title = UploadText.Get(language, titleKey), Detail = detail };
        foreach (var (key, value) in extensions)
        {
            problem.Extensions[key] = value;
        }

        return TypedResults.Problem(problem);
    }
}
