using System.Net;
using Invitations.Api.Hubs;
using Invitations.Api.Infrastructure;
using Invitations.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.Api.Tests.Hubs;

/// <summary>An Api instance on a real Kestrel port (127.0.0.1, dynamic), for the real SignalR client.</summary>
public sealed class LiveApi : IAsyncDisposable
{
    private readonly ApiFactory _factory;

    private LiveApi(ApiFactory factory, Uri address)
    {
        _factory = factory;
        Address = address;
    }

    public Uri Address { get; }

    public IBus Bus => _factory.Services.GetRequiredService<IBus>();

    public static LiveApi Start(TestInfrastructure infrastructure, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var factory = new ApiFactory(infrastructure, settings);
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LiveApi(factory, new Uri(address));
    }

    public string SponsorToken(long sponsorId) => _factory.Token(sponsorId, Roles.Sponsor);

    public string SupportToken() => _factory.Token(null, Roles.Support);

    public async Task<HubConnection> ConnectAsync(string? token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Address, BulkInvitationHub.Path), o => o.AccessTokenProvider = () => Task.FromResult(token))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
