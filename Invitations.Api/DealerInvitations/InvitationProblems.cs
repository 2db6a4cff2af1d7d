using Invitations.Api.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Invitations.Api.DealerInvitations;

/// <summary>The dealer's ProblemDetails, in Turkish or English; a <c>code</c> extension tells the page which one it is.</summary>
public static class InvitationProblems
{
    public static ProblemHttpResult For(InvitationAnswerKind kind, UploadLanguage language) => kind switch
    {
        InvitationAnswerKind.NotFound => Problem(StatusCodes.Status404NotFound, "not-found", language),
        InvitationAnswerKind.Expired => Problem(StatusCodes.Status410Gone, "expired", language),
        InvitationAnswerKind.Declined => Problem(StatusCodes.Status409Conflict, "declined", language),
        InvitationAnswerKind.Accepted => Problem(StatusCodes.Status409Conflict, "accepted", language),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a refusal."),
    };

    public static ProblemDetails RateLimited(UploadLanguage language) => Details(StatusCodes.Status429TooManyRequests, "rate-limit", language);

    private static ProblemHttpResult Problem(int status, string code, UploadLanguage language) => TypedResults.Problem(Details(status, code, language));

    private static ProblemDetails Details(int status, string code, UploadLanguage language)
    {
        var (title, detail) = Text(code, language == UploadLanguage.Turkish);
        return new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["code"] = code } };
    }

    private static (string Title, string Detail) Text(string code, bool turkish) => (code, turkish) switch
    {
        ("not-found", true) => ("Davet bulunamadı", "Bu bağlantıya ait bir davet yok. Bağlantıyı SMS'teki gibi eksiksiz açtığınızdan emin olun."),
        ("not-found", false) => ("Invitation not found", "There is no invitation for this link. Make sure you opened the whole link from the SMS."),
        ("expired", true) => ("Davetin süresi doldu", "Bu davetin süresi doldu; kodlar sponsora geri verildi. Yeni bir davet için sponsorunuza başvurun."),
        ("expired", false) => ("The invitation has expired", "This invitation has expired and its codes went back to the sponsor. Ask your sponsor for a new one."),
        ("declined", true) => ("Davet reddedildi", "Bu davet daha önce reddedildi; artık kabul edilemez."),
        ("declined", false) => ("The invitation was declined", "This invitation was declined earlier and can no longer be accepted."),
        ("accepted", true) => ("Davet kabul edildi", "Bu davet zaten kabul edildi; artık reddedilemez."),
        ("accepted", false) => ("The invitation was accepted", "This invitation was already accepted and can no longer be declined."),
        (_, true) => ("Çok fazla istek", "Kısa sürede çok fazla istek geldi; biraz sonra yeniden deneyin."),
        _ => ("Too many requests", "Too many requests in a short time; try again shortly."),
    };
}
