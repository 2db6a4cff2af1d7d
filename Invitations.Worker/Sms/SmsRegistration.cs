using Microsoft.Extensions.Options;

namespace Invitations.Worker.Sms;

/// <summary>The SMS provider of <c>Sms:Provider</c>, its options (checked at start-up) and the shared rate limiter.</summary>
public static class SmsRegistration
{
    public static IServiceCollection AddSmsSending(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmsOptions>()
            .Bind(configuration.GetSection(SmsOptions.SectionName))
            .Validate(o => o.RatePerSecond >= 0 && double.IsFinite(o.RatePerSecond), "Sms:RatePerSecond must be 0 (no limit) or more.")
            .Validate(o => o.RateHeadroom is >= 0 and < 0.5, "Sms:RateHeadroom must be at least 0 and below 0.5.")
            .Validate(o => o.MaxSendLateness >= TimeSpan.Zero, "Sms:MaxSendLateness must not be negative.")
            .Validate(
                o => o.RequestSpacing >= TimeSpan.Zero && (!o.RateLimited || o.RequestsPerWindow <= 1 || o.RequestSpacing * o.RequestsPerWindow <= o.RateWindow / 2),
                "Sms:RequestSpacing must not be negative, and a window's requests spaced by it must fit in half the window (lower it, or raise Sms:Http:BatchSize).")
            .Validate(o => o.ThrottleBackoff > TimeSpan.Zero && o.ThrottleMaxPause >= o.ThrottleBackoff, "Sms:ThrottleBackoff must be positive and at most Sms:ThrottleMaxPause.")
            .Validate(o => o.Http.BatchSize is >= 1 and <= 1000, "Sms:Http:BatchSize must be between 1 and 1000.")
            .Validate(
                o => o.RateBurst is >= 0 and <= SmsOptions.MaxRateBurst && (o.RateBurst <= 1 || o.RateBurst <= o.RatePerSecond),
                "Sms:RateBurst must be 0 (the gateway's second), 1 (evenly spaced) or up to Sms:RatePerSecond, and at most 1000.")
            .Validate(
                o => !o.RateLimited || o.Http.BatchSize <= o.RateWindowMessages,
                "Sms:Http:BatchSize must not be above Sms:RatePerSecond (or Sms:RateBurst): one request would carry more than the gateway takes at once.")
            .Validate(o => o.Http.MaxInFlight is >= 1 and <= 10_000, "Sms:Http:MaxInFlight must be between 1 and 10000.")
            .Validate(
                o => o.Http.BatchSize == 1 || (o.Http.BatchBodyTemplate.Contains("{Messages}", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(o.Http.BatchResultsProperty)),
                "Sms:Http:BatchBodyTemplate must contain {Messages} and Sms:Http:BatchResultsProperty must be set when Sms:Http:BatchSize is above 1.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmsOptions>, SmsOptionsValidator>();
        services.AddSingleton<SmsMetrics>();
        services.AddSingleton<SmsRateLimiter>();
        services.AddSingleton<SmsInFlight>();
        services.AddSingleton<SmsSentRecorder>();
        services.AddScoped<SmsDelivery>();

        var provider = configuration[$"{SmsOptions.SectionName}:{nameof(SmsOptions.Provider)}"] ?? new SmsOptions().Provider;
        if (SmsProviders.IsHttp(provider))
        {
            services.AddHttpClient<ISmsSender, HttpSmsSender>(client => client.Timeout = Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
                {
                    // Enough keep-alive connections for every request the pacing puts in flight.
                    MaxConnectionsPerServer = sp.GetRequiredService<IOptions<SmsOptions>>().Value.Http.MaxInFlight,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                });
        }
        else if (SmsProviders.IsLog(provider))
        {
            services.AddScoped<ISmsSender, LogSmsSender>();
        }
        else
        {
            // No fallback: reading the options throws the validator's message (start-up validation stops first).
            services.AddScoped<ISmsSender>(sp => throw new InvalidOperationException(
                $"Sms:Provider '{sp.GetRequiredService<IOptions<SmsOptions>>().Value.Provider}' is unknown."));
        }

        return services;
    }
}
