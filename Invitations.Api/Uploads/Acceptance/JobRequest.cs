using Invitations.Api.Uploads.Files;
using Invitations.Api.Uploads.Validation;

namespace Invitations.Api.Uploads.Acceptance;

/// <summary>A validated upload ready to become a job.</summary>
public sealed record JobRequest(
    long SponsorId,
    string CreatedBy,
    UploadedFile File,
    string? IdempotencyKey,
    UploadRequestOptions Options,
    IReadOnlyList<ValidDealer> Dealers);
