using Microsoft.Extensions.Options;

namespace Invitations.Worker.Dealers;

/// <summary>Refuses to start on dealer settings that cannot work (zero limits, retry intervals that do not parse).</summary>
public sealed class DealerOptionsValidator : IValidateOptions<DealerOptions>
{
    public ValidateOptionsResult Validate(string? name, DealerOptions options)
    {
        var failures = new List<string>();
        Positive(options.ConcurrentMessageLimit, "ConcurrentMessageLimit", failures);
        Positive(options.PrefetchCount, "PrefetchCount", failures);
        Positive(options.GroupSize, "GroupSize", failures);
        Positive(options.GroupConcurrency, "GroupConcurrency", failures);
        Positive(options.SingleRowConcurrency, "SingleRowConcurrency", failures);
        Positive(options.GroupSmsConcurrency, "GroupSmsConcurrency", failures);
        if (options.RetryLimit < 0)
        {
            failures.Add("Dealers:RetryLimit must not be negative.");
        }

        if (options.InvitationLifetime <= TimeSpan.Zero)
        {
            failures.Add("Dealers:InvitationLifetime must be positive.");
        }

        if (options.RetryMinInterval <= TimeSpan.Zero || options.RetryMaxInterval < options.RetryMinInterval)
        {
            failures.Add("Dealers:RetryMinInterval must be positive and at most Dealers:RetryMaxInterval.");
        }

        try
        {
            if (options.ParsedRedeliveryIntervals().Any(i => i <= TimeSpan.Zero))
            {
                failures.Add("Dealers:RedeliveryIntervals must all be positive.");
            }
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            failures.Add($"Dealers:RedeliveryIntervals '{options.RedeliveryIntervals}' is not a comma-separated list of time spans (hh:mm:ss).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(int value, string setting, List<string> failures)
    {
        if (value < 1)
        {
            failures.Add($"Dealers:{setting} must be at least 1 (it is {value}).");
        }
    }
}
