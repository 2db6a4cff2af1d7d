using Invitations.Api.Uploads;
using Invitations.Contracts.BulkInvitations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Invitations.Api.Jobs;

/// <summary>
/// Why a cancel or a retry-failed was refused (409), in Turkish or English as the caller's Accept-Language
/// prefers; a <c>code</c> extension tells the dashboard which refusal it is whatever the language.
/// </summary>
public static class JobCommandProblems
{
    public static ProblemHttpResult Ended(BulkJobStatus status, UploadLanguage language) => Problem("ended", status, language);

    public static ProblemHttpResult NoFailedRows(BulkJobStatus status, UploadLanguage language) => Problem("no-failed-rows", status, language);

    public static ProblemHttpResult StillRunning(BulkJobStatus status, UploadLanguage language) => Problem("still-running", status, language);

    public static ProblemHttpResult CancelledJob(BulkJobStatus status, UploadLanguage language) => Problem("cancelled", status, language);

    private static ProblemHttpResult Problem(string code, BulkJobStatus status, UploadLanguage language)
    {
        var (title, detail) = Text(code, status, language == UploadLanguage.Turkish);
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = title,
            Detail = detail,
            Extensions = { ["code"] = code, ["jobStatus"] = status.ToString() },
        });
    }

    private static (string Title, string Detail) Text(string code, BulkJobStatus status, bool turkish) => (code, turkish) switch
    {
        ("ended", true) => ("İş sona erdi", $"Bu iş zaten sona erdi ({status}); iptal edilecek bir şey kalmadı."),
        ("ended", false) => ("The job has ended", $"The job is already {status}; there is nothing left to cancel."),
        ("no-failed-rows", true) => ("Yeniden denenecek satır yok", "Bu işte başarısız satır yok."),
        ("no-failed-rows", false) => ("Nothing to retry", "The job has no failed rows."),
        ("still-running", true) => ("İş henüz bitmedi", $"İş hâlâ sürüyor ({status}); başarısız satırlar iş bittikten sonra yeniden denenebilir."),
        ("still-running", false) => ("The job has not finished", $"The job is still {status}; failed rows can run again once it has finished."),
        ("cancelled", true) => ("İş iptal edildi", "İptal edilen bir işin satırları yeniden denenmez; bu bayiler için yeni bir dosya yükleyin."),
        ("cancelled", false) => ("The job was cancelled", "A cancelled job's rows are not run again; upload a new file for these dealers."),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not a refusal of a job command."),
    };
}
