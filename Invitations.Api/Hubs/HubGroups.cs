using System.Globalization;

namespace Invitations.Api.Hubs;

public static class HubGroups
{
    public static string Sponsor(long sponsorId) => string.Create(CultureInfo.InvariantCulture, $"sponsor:{sponsorId}");

    public static string Job(Guid jobId) => string.Create(CultureInfo.InvariantCulture, $"job:{jobId:N}");
}
