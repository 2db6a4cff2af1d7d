using System.Security.Claims;
using Invitations.Data.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invitations.Api.Jobs;

internal static class JobResultEndpoints
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> GetResults(
        Guid jobId, ClaimsPrincipal user, InvitationsDbContext db, JobResultsExport export, CancellationToken cancellationToken,
        string format = "xlsx")
    {
        var isCsv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!isCsv && !string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["Use xlsx or csv."] });
        }

        var job = await JobEndpoints.FindVisibleAsync(db, jobId, user, cancellationToken);
        if (job is null)
        {
            return TypedResults.NotFound();
        }

        var lines = await export.LinesAsync(jobId, cancellationToken);
        var name = $"{Path.GetFileNameWithoutExtension(job.FileName)}-results";
        return isCsv
            ? TypedResults.File(JobResultsExport.ToCsv(lines), "text/csv; charset=utf-8", name + ".csv")
            : TypedResults.File(JobResultsExport.ToXlsx(lines), XlsxType, name + ".xlsx");
    }
}
