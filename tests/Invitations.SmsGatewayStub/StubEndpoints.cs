using System.Text.Json;
using System.Text.Json.Nodes;

namespace Invitations.SmsGatewayStub;

public static class StubEndpoints
{
    public static void MapStubEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/sms", (HttpRequest request, SmsGateway gateway, CancellationToken aborted) => gateway.HandleAsync(request, aborted));
        app.MapPost("/sms/batch", (HttpRequest request, BatchGateway batch, CancellationToken aborted) => batch.HandleAsync(request, aborted));
        app.MapGet("/_stub/reports", (DeliveryReporter reporter) => Results.Json(reporter.Stats(), JsonSerializerOptions.Web));
        app.MapGet("/health/ready", () => Results.Ok());
        app.MapGet("/_stub/mode", (SmsGateway gateway) => Results.Json(gateway.Mode, JsonSerializerOptions.Web));
        app.MapPost("/_stub/mode", ChangeModeAsync);
        app.MapGet("/_stub/accepted", (SmsGateway gateway) => Results.Json(gateway.Accepted, JsonSerializerOptions.Web));
        app.MapGet("/_stub/stats", (SmsGateway gateway) => Results.Json(gateway.Stats(), JsonSerializerOptions.Web));
    }

    private static async Task<IResult> ChangeModeAsync(HttpRequest request, SmsGateway gateway, CancellationToken aborted)
    {
        try
        {
            var changes = await JsonNode.ParseAsync(request.Body, cancellationToken: aborted) as JsonObject
                ?? throw new ArgumentException("the body must be a JSON object");
            return Results.Json(gateway.Apply(changes), JsonSerializerOptions.Web);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return Results.BadRequest(ex.Message);
        }
    }
}
