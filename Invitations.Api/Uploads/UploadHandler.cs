using System.Diagnostics;
using Invitations.Api.Infrastructure;
using Invitations.Api.Jobs;
using Invitations.Api.Uploads.Acceptance;
using Invitations.Api.Uploads.Files;
using Invitations.Api.Uploads.Parsing;
using Invitations.Api.Uploads.Validation;
using Invitations.Data.Persistence.Entities;
using Invitations.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace Invitations.Api.Uploads;

/// <summary>An upload from the request to its answer: read, repeat checks, parse, validate, then dry-run or accept.</summary>
public sealed partial class UploadHandler(
    UploadValidator validator, SheetLoader loader, PriorJobs prior, BulkJobAcceptor acceptor, CodeReservation codes, TimeProvider clock,
    IOptions<UploadOptions> options, Telemetry telemetry, ILogger<UploadHandler> logger)
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public async Task<IResult> HandleAsync(HttpRequest request, long sponsorId, string subject, CancellationToken cancellationToken)
    {
        var language = UploadLanguages.From(request);
        try
        {
            var (file, fields) = await MultipartUploadReader.ReadAsync(request, options.Value, cancellationToken);
            var settings = UploadRequestOptions.Parse(fields, options.Value.MaxCodeCountPerRow, out var invalidField);
            if (settings is null)
            {
                throw new UploadRejectedException(StatusCodes.Status400BadRequest, "title.bad-request", "bad-option", invalidField, fields[invalidField!]);
            }

            var key = request.Headers[IdempotencyHeader].ToString() is { Length: > 0 } k ? k[..Math.Min(k.Length, 200)] : null;
            if (!settings.DryRun && await prior.FindAsync(sponsorId, key, file, cancellationToken) is { } repeat)
            {
                return Answer(repeat, language);
            }

            var watch = Stopwatch.StartNew();
            var sheet = await loader.LoadAsync(file, cancellationToken);
            var parsed = watch.Elapsed;
            var outcome = await validator.ValidateAsync(sheet, settings, sponsorId, language, cancellationToken);
            var validated = watch.Elapsed - parsed;
            LogValidated(logger, sponsorId, outcome.TotalRows, outcome.Errors.Count, parsed.TotalMilliseconds, validated.TotalMilliseconds);

            if (settings.DryRun)
            {
                return TypedResults.Ok(await DryRunAsync(outcome, sponsorId, cancellationToken));
            }

            if (outcome.Errors.Count > 0)
            {
                return UploadProblems.Invalid(outcome.Errors, language);
            }

            var started = watch.Elapsed;
            var result = await acceptor.AcceptAsync(new JobRequest(sponsorId, subject, file, key, settings, outcome.Dealers), cancellationToken);
            if (result.Outcome == AcceptOutcome.Accepted)
            {
                telemetry.JobsAccepted.Add(1);
                LogAccepted(
                    logger, result.Job!.Id, sponsorId, result.Job.TotalDealers, result.Job.CodesReserved,
                    acceptor.LastCommitted.TotalMilliseconds, (watch.Elapsed - started).TotalMilliseconds);
            }
            else if (result.Outcome == AcceptOutcome.NotEnoughCodes)
            {
                LogShort(logger, sponsorId, outcome.ValidRows, string.Join(", ", result.Tiers.Select(t => $"{t.Tier} {t.Required}/{t.Available}")));
            }

            return Answer(result, language);
        }
        catch (UploadRejectedException rejected)
        {
            LogRejected(logger, sponsorId, rejected.StatusCode, rejected.DetailKey);
            return UploadProblems.Rejected(rejected, language, request.HttpContext.Response);
        }
    }

    private static IResult Answer(AcceptResult result, UploadLanguage language) => result.Outcome switch
    {
        AcceptOutcome.Accepted or AcceptOutcome.Replayed => Accepted(result.Job!),
        AcceptOutcome.KeyReused => UploadProblems.KeyReused(language),
        AcceptOutcome.AlreadyRunning => UploadProblems.AlreadyRunning(result.Job!.Id, language),
        _ => UploadProblems.NotEnoughCodes(result.Tiers, language),
    };

    private static IResult Accepted(BulkInvitationJob job)
    {
        var url = JobEndpoints.StatusUrl(job.Id);
        return TypedResults.Accepted(url, new BulkInvitationAcceptedResponse(job.Id, job.Status.ToString(), job.TotalDealers, url));
    }

    private async Task<DryRunReportResponse> DryRunAsync(ValidationOutcome outcome, long sponsorId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tiers = new List<TierCodes>();
        foreach (var (tier, required) in outcome.CodesRequired)
        {
            tiers.Add(new TierCodes(tier.ToString(), required, await codes.CountAvailableAsync(sponsorId, tier, now, cancellationToken)));
        }

        return new DryRunReportResponse(outcome.TotalRows, outcome.ValidRows, outcome.Errors, tiers);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload of sponsor {SponsorId}: {Rows} rows, {Errors} errors; parsed in {ParseMs:F1} ms, validated in {ValidateMs:F1} ms")]
    private static partial void LogValidated(ILogger logger, long sponsorId, int rows, int errors, double parseMs, double validateMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} of sponsor {SponsorId} accepted: {Dealers} dealers, {Codes} codes reserved; committed in {CommitMs:F1} ms, published by {AcceptMs:F1} ms")]
    private static partial void LogAccepted(ILogger logger, Guid jobId, long sponsorId, int dealers, int codes, double commitMs, double acceptMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload of sponsor {SponsorId} ({Dealers} dealers) refused for lack of codes (tier required/available): {Tiers}")]
    private static partial void LogShort(ILogger logger, long sponsorId, int dealers, string tiers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload of sponsor {SponsorId} rejected with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, long sponsorId, int status, string reason);
}
