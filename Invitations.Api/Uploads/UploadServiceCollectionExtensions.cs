using System.Threading.RateLimiting;
using Invitations.Api.Infrastructure;
using Invitations.Api.Uploads.Acceptance;
using Invitations.Api.Uploads.Files;
using Invitations.Api.Uploads.Validation;

namespace Invitations.Api.Uploads;

public static class UploadServiceCollectionExtensions
{
    public static IServiceCollection AddUploads(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(UploadOptions.SectionName);
        services.AddOptions<UploadOptions>().Bind(section)
            // The readers' bounds (Parsing/SheetLimits) are per-row budgets × MaxRows: within Excel's own row count they fit an int.
            .Validate(o => o.MaxRows is >= 1 and < Parsing.SheetLimits.ExcelRows, "Uploads:MaxRows must be between 1 and 1048575.")
            .Validate(o => o.MaxCellLength is >= 1 and <= 32_767, "Uploads:MaxCellLength must be between 1 and 32767 (Excel's longest cell).")
            .Validate(o => o.MaxConcurrentParses >= 1, "Uploads:MaxConcurrentParses must be at least 1.")
            .Validate(o => o.ParseTimeout > TimeSpan.Zero && o.ParseTimeout <= TimeSpan.FromMinutes(1), "Uploads:ParseTimeout must be above zero and at most 00:01:00.")
            .ValidateOnStart();
        var options = section.Get<UploadOptions>() ?? new UploadOptions();

        services.AddSingleton<ParseGate>();
        services.AddSingleton<SheetLoader>();
        services.AddScoped<UploadValidator>();
        services.AddScoped<PriorJobs>();
        services.AddScoped<JobRowWriter>();
        services.AddScoped<CodeReservation>();
        services.AddScoped<SubmissionPublisher>();
        services.AddScoped<BulkJobAcceptor>();
        services.AddScoped<UploadHandler>();

        // Uploads are expensive (parse, validate, one big transaction): a per-sponsor budget keeps one
        // sponsor's script from starving everyone else.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(UploadEndpoints.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                CurrentUser.From(http.User).SponsorId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RateLimitPermits,
                    Window = options.RateLimitWindow,
                    QueueLimit = 0,
                }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = UploadProblems.RateLimited(UploadLanguages.From(http.Request)),
                });
            };
        });
        return services;
    }
}
