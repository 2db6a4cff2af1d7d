using System.Security.Claims;
using Invitations.Api.Infrastructure;
using Invitations.Api.Uploads.Files;
using Invitations.Api.Uploads.Parsing;
using Invitations.Api.Uploads.Reports;
using Invitations.Api.Uploads.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Invitations.Api.Uploads;

/// <summary><c>/api/v1/bulk-invitations</c>: the upload, its template and its validation report.</summary>
public static class UploadEndpoints
{
    public const string RateLimitPolicy = "uploads";
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapUploads(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/bulk-invitations").WithTags("Uploads");
        group.MapGet("/template", GetTemplate)
            .RequireAuthorization(AuthServiceCollectionExtensions.SponsorPolicy)
            .WithName("GetBulkInvitationTemplate")
            .WithSummary("The .xlsx template: header row, one example row and a notes sheet.");
        group.MapPost("/", Upload)
            .RequireAuthorization(p => p.RequireRole(Roles.Sponsor))
            .RequireRateLimiting(RateLimitPolicy)
            .Produces<BulkInvitationAcceptedResponse>(StatusCodes.Status202Accepted)
            .Produces<DryRunReportResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("UploadBulkInvitations")
            .WithSummary("Validates a dealer file, reserves its codes and accepts a bulk invitation job (or a dry run).");
        group.MapPost("/validation-report", ValidationReport)
            .RequireAuthorization(p => p.RequireRole(Roles.Sponsor))
            .RequireRateLimiting(RateLimitPolicy)
            .WithName("GetBulkInvitationValidationReport")
            .WithSummary("The same multipart upload, answered with an .xlsx of its rows plus an error column; nothing is stored.");
        return app;
    }

    private static FileContentHttpResult GetTemplate(IOptions<UploadOptions> options) =>
        TypedResults.File(TemplateWriter.Write(options.Value), XlsxContentType, "bayi-davet-sablonu.xlsx");

    private static async Task<IResult> Upload(HttpRequest request, ClaimsPrincipal user, UploadHandler handler, CancellationToken cancellationToken)
    {
        var caller = CurrentUser.From(user);
        return caller.SponsorId is { } sponsorId
            ? await handler.HandleAsync(request, sponsorId, caller.Subject, cancellationToken)
            : TypedResults.Forbid();
    }

    private static async Task<IResult> ValidationReport(
        HttpRequest request, ClaimsPrincipal user, UploadValidator validator, SheetLoader loader, IOptions<UploadOptions> options,
        CancellationToken cancellationToken)
    {
        var language = UploadLanguages.From(request);
        if (CurrentUser.From(user).SponsorId is not { } sponsorId)
        {
            return TypedResults.Forbid();
        }

        try
        {
            var (file, fields) = await MultipartUploadReader.ReadAsync(request, options.Value, cancellationToken);
            var settings = UploadRequestOptions.Parse(fields, options.Value.MaxCodeCountPerRow, out _) ?? new UploadRequestOptions();
            var sheet = await loader.LoadAsync(file, cancellationToken);
            var outcome = await validator.ValidateAsync(sheet, settings, sponsorId, language, cancellationToken);
            var name = $"{Path.GetFileNameWithoutExtension(file.FileName)}-{(language == UploadLanguage.Turkish ? "dogrulama" : "validation")}.xlsx";
            return TypedResults.File(ValidationReportWriter.Write(outcome, language), XlsxContentType, name);
        }
        catch (UploadRejectedException rejected)
        {
            return UploadProblems.Rejected(rejected, language, request.HttpContext.Response);
        }
    }
}
