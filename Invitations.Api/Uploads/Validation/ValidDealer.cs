using Invitations.Contracts.BulkInvitations;

namespace Invitations.Api.Uploads.Validation;

/// <summary>A row that passed every rule, normalized: email lower-invariant, phone E.164.</summary>
public sealed record ValidDealer(int RowNumber, string Email, string Phone, string DealerName, PackageTier Tier, int CodeCount);
