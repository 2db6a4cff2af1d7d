using System.Net.Http.Headers;
using Invitations.Api.Infrastructure;
using Invitations.Testing;
using Invitations.Testing.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Invitations.Api.Tests;

/// <summary>The Api in-process through WebApplicationFactory, configured for the run's database and broker.</summary>
public sealed class ApiFactory(TestInfrastructure infrastructure, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string SigningKey = TestSettings.SigningKey;

    public TestInfrastructure Infrastructure => infrastructure;

    /// <summary>A client whose requests carry a token for the given sponsor.</summary>
    public HttpClient CreateSponsorClient(long sponsorId) => CreateClientWithToken(Token(sponsorId, Roles.Sponsor));

    public HttpClient CreateSupportClient() => CreateClientWithToken(Token(null, Roles.Support));

    public string Token(long? sponsorId, string role) =>
        Services.GetRequiredService<TokenIssuer>().Issue(sponsorId is null ? "support-test" : $"sponsor-{sponsorId}", sponsorId, role);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(CapturedLogs.AddTo);
        foreach (var (key, value) in infrastructure.Configuration)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Auth:DevTokens", "true");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    private HttpClient CreateClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
