namespace Invitations.Sagas.BulkInvitation.Ports;

public sealed record JobSummary(long SponsorId, int TotalDealers, DateTimeOffset CreatedAt);
