namespace Invitations.Sagas.BulkInvitation.Ports;

/// <summary>How many of a job's rows have each final outcome, as stored.</summary>
public sealed record OutcomeCounts(int Succeeded, int Failed, int Skipped)
{
    /// <summary>These counts with one row moved from one outcome to another (null: not counted as any).</summary>
    public OutcomeCounts Move(string? from, string? to) => Add(from, -1).Add(to, 1);

    private OutcomeCounts Add(string? status, int rows) => status switch
    {
        "Succeeded" => this with { Succeeded = Succeeded + rows },
        "Failed" => this with { Failed = Failed + rows },
        "Skipped" => this with { Skipped = Skipped + rows },
        _ => this,
    };
}
