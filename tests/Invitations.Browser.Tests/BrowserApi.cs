using System.Net;
using Invitations.Api.Infrastructure;
using Invitations.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.Browser.Tests;

/// <summary>
/// The Api on a real loopback port for Chromium, dev tokens on. The entry point is named through one of
/// the Api's own types: this project also references the Worker, which has a <c>Program</c> too.
/// </summary>
public sealed class BrowserApi : WebApplicationFactory<TokenIssuer>
{
    private readonly TestInfrastructure _infrastructure;

    private BrowserApi(TestInfrastructure infrastructure) => _infrastructure = infrastructure;

    public Uri Address { get; private set; } = null!;

    public IBus Bus => Services.GetRequiredService<IBus>();

    public static BrowserApi Start(TestInfrastructure infrastructure)
    {
        var api = new BrowserApi(infrastructure);
        api.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        api.StartServer();
        api.Address = new Uri(api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return api;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _infrastructure.Configuration)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Auth:SigningKey", "browser-test-signing-key-0123456789-abcdef");
        builder.UseSetting("Auth:DevTokens", "true");
    }
}
