using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Codes;
using Microsoft.Extensions.Logging;

namespace Invitations.Data.Seeding;

/// <summary>
/// The local demo: sponsor 42 has at least <see cref="CodesPerTier"/> available codes of every tier.
/// Running it again tops up to that number, never beyond, so it is idempotent.
/// </summary>
public sealed partial class DemoSeeder(CodeIssuer issuer, ILogger<DemoSeeder> logger)
{
    public const long DemoSponsorId = 42;
    public const int CodesPerTier = 5_000;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var tier in Enum.GetValues<PackageTier>())
        {
            var available = await issuer.CountAvailableAsync(DemoSponsorId, tier, cancellationToken);
            if (available >= CodesPerTier)
            {
                continue;
            }

            var result = await issuer.IssueAsync(DemoSponsorId, tier, CodesPerTier - available, null, cancellationToken);
            LogSeeded(logger, result.Issued, tier, DemoSponsorId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo seed: issued {Issued} {Tier} codes to sponsor {SponsorId}")]
    private static partial void LogSeeded(ILogger logger, int issued, PackageTier tier, long sponsorId);
}
