namespace Invitations.Sagas.BulkInvitation.Activities;

/// <summary>
/// What the activities of one saga event tell each other (scoped to the consume scope): the timeline
/// detail, who asked, and whether a row outcome was counted.
/// </summary>
public sealed class SagaEventFacts
{
    public string? Detail { get; set; }
    public string? Actor { get; set; }
    public bool OutcomeCounted { get; set; }
    public DateTimeOffset? PreviousOutcomeAt { get; set; }
    public string? LatestDealerEmailMasked { get; set; }
    public bool? LatestDealerSuccess { get; set; }
    public string? LatestDealerError { get; set; }
}
