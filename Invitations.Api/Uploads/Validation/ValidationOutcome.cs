using Invitations.Api.Uploads.Parsing;
using Invitations.Contracts.BulkInvitations;

namespace Invitations.Api.Uploads.Validation;

/// <summary>Every error of a file (sorted by row), and its dealers when there is none.</summary>
public sealed record ValidationOutcome(MappedSheet Sheet, IReadOnlyList<RowError> Errors, IReadOnlyList<ValidDealer> Dealers)
{
    public int TotalRows => Sheet.Rows.Count;

    public int ValidRows => Dealers.Count;

    public IReadOnlyDictionary<PackageTier, int> CodesRequired =>
        Dealers.GroupBy(d => d.Tier).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Sum(d => d.CodeCount));
}
