namespace Invitations.Api.Infrastructure;

public static class Roles
{
    public const string Sponsor = "Sponsor";
    public const string Support = "Support";
    public const string SponsorIdClaim = "sponsor_id";
}
