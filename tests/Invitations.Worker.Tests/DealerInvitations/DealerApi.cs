using Invitations.Api.Infrastructure;
using Invitations.Testing;
using Invitations.Testing.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.Worker.Tests.DealerInvitations;

/// <summary>The Api in-process beside the Worker (any public Api type names its entry point; <c>Program</c> is ambiguous here).</summary>
public sealed class DealerApi(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<CurrentUser>
{
    public HttpClient CreateClient(long? sponsorId, string role)
    {
        var client = CreateClient();
        var token = Services.GetRequiredService<TokenIssuer>().Issue(sponsorId is null ? "support-test" : $"sponsor-{sponsorId}", sponsorId, role);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(CapturedLogs.AddTo);
        foreach (var (key, value) in TestRun.Infrastructure.Configuration)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Auth:SigningKey", TestSettings.SigningKey);
        builder.UseSetting("Auth:DevTokens", "true");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
