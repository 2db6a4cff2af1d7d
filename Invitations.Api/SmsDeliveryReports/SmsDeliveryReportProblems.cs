using Microsoft.AspNetCore.Http.HttpResults;

namespace Invitations.Api.SmsDeliveryReports;

/// <summary>The webhook's ProblemDetails, in English and Turkish (the caller is a machine; its operators read both).</summary>
public static class SmsDeliveryReportProblems
{
    public static ProblemHttpResult Unsigned() => Problem(
        StatusCodes.Status401Unauthorized, "Bad signature / Geçersiz imza",
        "The signature header is missing or does not match the body. / İmza başlığı yok ya da gövdeyle eşleşmiyor.");

    public static ProblemHttpResult TooLarge(int max) => Problem(
        StatusCodes.Status413PayloadTooLarge, "Report too large / Rapor çok büyük",
        $"A delivery report may be at most {max} bytes. / Bir teslim raporu en çok {max} bayt olabilir.");

    public static ProblemHttpResult UnknownMessage(string messageId) => Problem(
        StatusCodes.Status404NotFound, "Unknown message / Bilinmeyen mesaj",
        $"No SMS was sent with the message id '{messageId}'. / '{messageId}' kimliğiyle gönderilmiş bir SMS yok.");

    public static ProblemHttpResult Unreadable(string detail) => Problem(
        StatusCodes.Status400BadRequest, "Unreadable report / Okunamayan rapor", detail);

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
