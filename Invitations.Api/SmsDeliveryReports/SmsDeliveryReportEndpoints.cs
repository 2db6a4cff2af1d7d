using System.Text.Json;
using Invitations.Data.Persistence.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Invitations.Api.SmsDeliveryReports;

/// <summary>
/// <c>POST /api/v1/sms/delivery-reports</c>: the gateway tells us what became of an SMS. No user
/// token: the body's HMAC-SHA256 signature is the authentication. Checked in this order, nothing changed on
/// any failure: size (413), signature (401), shape (400), message id (404).
/// </summary>
public static class SmsDeliveryReportEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = 4 };

    public static IEndpointRouteBuilder MapSmsDeliveryReports(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/sms")
            .WithTags("SMS")
            .AllowAnonymous()
            .MapPost("/delivery-reports", Receive)
            .WithName("ReceiveSmsDeliveryReport")
            .WithSummary("A signed delivery report from the SMS gateway")
            .DisableAntiforgery();
        return SmsDeliveryCounts.MapSmsDeliveryCounts(app);
    }

    private static async Task<Results<Ok<SmsDeliveryReportResponse>, ProblemHttpResult, ValidationProblem>> Receive(
        HttpRequest request, IOptions<SmsDeliveryReportOptions> options, SmsDeliveryReportStore store, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = await SmsDeliveryReportBody.ReadAsync(request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return SmsDeliveryReportProblems.TooLarge(settings.MaxBodyBytes);
        }

        if (!SmsDeliveryReportSignature.IsValid(settings.Secret, body, request.Headers[settings.SignatureHeader]))
        {
            return SmsDeliveryReportProblems.Unsigned();
        }

        SmsDeliveryReportRequest? report;
        try
        {
            report = JsonSerializer.Deserialize<SmsDeliveryReportRequest>(body, Json);
        }
        catch (JsonException ex)
        {
            return SmsDeliveryReportProblems.Unreadable($"The body is not a delivery report (JSON: {ex.Message}). / Gövde bir teslim raporu değil.");
        }

        var errors = Validate(report, out var status);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid report / Geçersiz rapor");
        }

        var reason = status == SmsDeliveryStatus.Undelivered ? report!.Reason : null;
        var recorded = await store.RecordAsync(report!.MessageId!, status, reason, report.ReportedAt ?? clock.GetUtcNow(), cancellationToken);
        return recorded is null
            ? SmsDeliveryReportProblems.UnknownMessage(report.MessageId!)
            : TypedResults.Ok(new SmsDeliveryReportResponse(report.MessageId!, recorded.Value));
    }

    private static Dictionary<string, string[]> Validate(SmsDeliveryReportRequest? report, out SmsDeliveryStatus status)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        status = SmsDeliveryStatus.Sent;
        if (report is null)
        {
            errors["body"] = ["A JSON object is required. / Bir JSON nesnesi gerekli."];
            return errors;
        }

        if (string.IsNullOrWhiteSpace(report.MessageId) || report.MessageId.Length > 128)
        {
            errors["messageId"] = ["messageId is required, at most 128 characters. / messageId gerekli, en çok 128 karakter."];
        }

        if (!Enum.TryParse(report.Status, ignoreCase: true, out status) || !Enum.IsDefined(status) || int.TryParse(report.Status, out _))
        {
            errors["status"] = ["status is one of delivered, undelivered, sent. / status şunlardan biri olmalı: delivered, undelivered, sent."];
        }

        if (report.Reason is { Length: > 256 })
        {
            errors["reason"] = ["reason is at most 256 characters. / reason en çok 256 karakter olabilir."];
        }

        return errors;
    }
}
