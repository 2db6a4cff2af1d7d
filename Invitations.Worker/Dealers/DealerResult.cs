namespace Invitations.Worker.Dealers;

/// <summary>What a delivery leaves to publish: the row's recorded outcome, or nothing.</summary>
public sealed record DealerResult(
    DealerResultKind Kind, string EmailMasked, Guid? InvitationId = null, Guid? DealerId = null, int CodesHandedOver = 0,
    string? ReasonCode = null, string? Reason = null)
{
    /// <summary>This delivery recorded the row's outcome (an earlier one had not, and its attempt is current).</summary>
    public bool Recorded { get; init; }

    /// <summary>The outcome has already gone to the saga (a group reports its rows itself): nothing left to publish.</summary>
    public bool Reported { get; init; }

    public static DealerResult NothingToReport(string emailMasked) => new(DealerResultKind.NothingToReport, emailMasked);
}
