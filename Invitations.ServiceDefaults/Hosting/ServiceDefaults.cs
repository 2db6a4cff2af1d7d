using Invitations.Data.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Invitations.ServiceDefaults.Hosting;

/// <summary>What every Invitations process shares: logs with trace ids, telemetry, health checks.</summary>
public static class ServiceDefaults
{
    public const string ReadyTag = "ready";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, string serviceName)
        where TBuilder : IHostApplicationBuilder
    {
        // The container is checked in every environment as Development checks it, so a test run catches what
        // would stop run.sh: a singleton holding a scoped service once started everywhere but there.
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.IncludeScopes = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
        });

        var exportTo = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddMeter(Telemetry.MeterName)
                .AddMeter("MassTransit")
                .AddMeter("Npgsql")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());

        // Spans only where they go somewhere: recording one per message and per SQL command with nobody to
        // export them to cost the worker a noticeable share of its CPU (docs/PERFORMANCE.md).
        if (builder.Configuration.GetValue("Telemetry:Tracing", !string.IsNullOrWhiteSpace(exportTo)))
        {
            otel.WithTracing(tracing => tracing
                .AddSource(Telemetry.ActivitySourceName)
                .AddSource("MassTransit")
                .AddSource("Npgsql")
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health");

                    // An invitation token in the path is a credential: spans carry its first characters only.
                    o.EnrichWithHttpRequest = (activity, request) =>
                    {
                        if (Mask.InvitationPath(request.Path.Value) is { } masked)
                        {
                            activity.SetTag("url.path", masked);
                        }
                    };
                })
                .AddHttpClientInstrumentation());
        }

        // OTLP only where an operator points us at a collector; nothing is exported otherwise.
        if (!string.IsNullOrWhiteSpace(exportTo))
        {
            otel.UseOtlpExporter();
        }

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"])
            .AddCheck<PostgresHealthCheck>("postgresql", tags: [ReadyTag]);
        return builder;
    }

    public static IEndpointRouteBuilder MapDefaultEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains("live") });

        // MassTransit registers its bus health check with the "ready" tag.
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        return app;
    }
}
