namespace Invitations.Sagas.BulkInvitation.Ports;

/// <summary>How many of a job's rows have each final outcome, as stored.</summary>
public sealed record OutcomeCounts(int Succeeded, int Failed, int Skipped);
