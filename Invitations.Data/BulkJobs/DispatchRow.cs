namespace Invitations.Data.BulkJobs;

public sealed record DispatchRow(int RowNumber, int Attempt, bool FirstDispatch);
