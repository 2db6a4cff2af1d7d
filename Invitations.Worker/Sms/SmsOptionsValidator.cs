using Microsoft.Extensions.Options;

namespace Invitations.Worker.Sms;

/// <summary>
/// Refuses to start on SMS settings that would silently send nothing or could never work: an unknown provider,
/// the Log provider outside Development without <c>Sms:AllowLogProvider</c>, Http without a gateway URL.
/// </summary>
public sealed class SmsOptionsValidator(IHostEnvironment environment) : IValidateOptions<SmsOptions>
{
    public ValidateOptionsResult Validate(string? name, SmsOptions options)
    {
        var failures = new List<string>();
        if (SmsProviders.IsLog(options.Provider))
        {
            if (!environment.IsDevelopment() && !options.AllowLogProvider)
            {
                failures.Add(
                    $"Sms:Provider is Log in the {environment.EnvironmentName} environment: it sends no SMS but marks every dealer invited. " +
                    "Configure Sms:Provider=Http with Sms:Http:Url, or set Sms:AllowLogProvider=true to allow it on purpose.");
            }
        }
        else if (SmsProviders.IsHttp(options.Provider))
        {
            ValidateHttp(options, failures);
        }
        else
        {
            failures.Add($"Sms:Provider '{options.Provider}' is unknown: use {SmsProviders.Http} or {SmsProviders.Log}.");
        }

        if (options.AttemptLease <= options.Http.Timeout)
        {
            failures.Add($"Sms:AttemptLease ({options.AttemptLease}) must be longer than Sms:Http:Timeout ({options.Http.Timeout}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateHttp(SmsOptions options, List<string> failures)
    {
        var http = options.Http;
        if (!Uri.TryCreate(http.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add("Sms:Provider is Http but Sms:Http:Url is not an absolute http(s) URL.");
        }

        if (http.Timeout <= TimeSpan.Zero)
        {
            failures.Add("Sms:Http:Timeout must be positive.");
        }

        if (string.IsNullOrWhiteSpace(http.IdempotencyKeyHeader))
        {
            failures.Add("Sms:Http:IdempotencyKeyHeader must name a header.");
        }
    }
}
