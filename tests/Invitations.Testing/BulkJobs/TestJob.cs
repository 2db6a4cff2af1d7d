namespace Invitations.Testing.BulkJobs;

public sealed record TestJob(Guid Id, long SponsorId, int TotalDealers, int[] RowNumbers);
