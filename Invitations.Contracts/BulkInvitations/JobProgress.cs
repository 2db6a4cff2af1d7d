namespace Invitations.Contracts.BulkInvitations;

/// <summary>How far a job is: the saga, the status endpoint, the support view and the live progress all count here.</summary>
public static class JobProgress
{
    /// <summary>A row is processed once it has an outcome: succeeded, failed or skipped.</summary>
    public static int Processed(int succeeded, int failed, int skipped) => succeeded + failed + skipped;

    /// <summary>
    /// Percent with one decimal, rounded down: 1,999 of 2,000 rows is 99.9, never 100.0 before every row has an
    /// outcome. Computed in whole tenths, so the value is exactly what JSON shows.
    /// </summary>
    public static double Percentage(int processed, int total) =>
        total <= 0 ? 0 : Math.Clamp((long)processed * 1000 / total, 0, 1000) / 10.0;
}
