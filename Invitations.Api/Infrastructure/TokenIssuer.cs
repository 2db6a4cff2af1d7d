using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Invitations.Api.Infrastructure;

/// <summary>Signs tokens with the configured key: dev tokens and tests. Production tokens come from the platform.</summary>
public sealed class TokenIssuer(IOptions<AuthOptions> options, TimeProvider clock)
{
    public string Issue(string subject, long? sponsorId, string role, TimeSpan? lifetime = null)
    {
        var o = options.Value;
        var claims = new List<Claim> { new("sub", subject), new(ClaimTypes.Role, role) };
        if (sponsorId is { } id)
        {
            claims.Add(new Claim(Roles.SponsorIdClaim, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var token = new JwtSecurityToken(
            o.Issuer,
            o.Audience,
            claims,
            notBefore: now.AddMinutes(-1),
            expires: now.Add(lifetime ?? TimeSpan.FromHours(8)),
            signingCredentials: new SigningCredentials(SigningKey(o), SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    public static SymmetricSecurityKey SigningKey(AuthOptions options) => new(Encoding.UTF8.GetBytes(options.SigningKey));
}
