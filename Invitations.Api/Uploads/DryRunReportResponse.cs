using Invitations.Api.Uploads.Acceptance;
using Invitations.Api.Uploads.Validation;

namespace Invitations.Api.Uploads;

/// <summary>The 200 body of a dry run: what an upload would do, nothing stored.</summary>
public sealed record DryRunReportResponse(int Rows, int ValidRows, IReadOnlyList<RowError> Errors, IReadOnlyList<TierCodes> Codes);
