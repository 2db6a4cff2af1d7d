using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Invitations.Api.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace Invitations.Api.Tests.Security;

public sealed class When_a_token_is_not_valid
{
    private const string JobsUrl = "/api/v1/bulk-invitations";

    [Test]
    public async Task Should_refuse_a_request_without_a_token()
    {
        using var client = TestRun.Api.CreateClient();

        using var response = await client.GetAsync(JobsUrl);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Should_refuse_an_expired_token()
    {
        var token = Sign(ApiFactory.SigningKey, expires: DateTime.UtcNow.AddMinutes(-5));

        Assert.That(await StatusWith(token), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Should_refuse_a_token_signed_with_another_key()
    {
        var token = Sign("another-key-that-is-long-enough-0123456789-abcdef", expires: DateTime.UtcNow.AddHours(1));

        Assert.That(await StatusWith(token), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Should_accept_the_same_token_signed_with_the_right_key()
    {
        var token = Sign(ApiFactory.SigningKey, expires: DateTime.UtcNow.AddHours(1));

        Assert.That(await StatusWith(token), Is.EqualTo(HttpStatusCode.OK), "the two refusals above are about the key and the expiry, not the claims");
    }

    private static async Task<HttpStatusCode> StatusWith(string token)
    {
        using var client = TestRun.Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync(JobsUrl);
        return response.StatusCode;
    }

    private static string Sign(string key, DateTime expires)
    {
        var credentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256);
        var token = new JwtSecurityToken(
            "invitations",
            "invitations",
            [new Claim("sub", "sponsor-7"), new Claim(ClaimTypes.Role, Roles.Sponsor), new Claim(Roles.SponsorIdClaim, "7")],
            notBefore: expires.AddHours(-2),
            expires: expires,
            signingCredentials: credentials);
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
