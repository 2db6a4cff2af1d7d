using Invitations.Data.Persistence;
using Invitations.ServiceDefaults.Hosting;
using Invitations.ServiceDefaults.Messaging;
using Invitations.Worker;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("invitations-worker");

// The worker serves only its health endpoints, on Health:Urls (e.g. http://+:8081 in Kubernetes); without
// it, on a free loopback port, so several workers can run on one machine.
builder.WebHost.UseUrls(builder.Configuration["Health:Urls"] is { Length: > 0 } urls ? urls : "http://127.0.0.1:0");
builder.Services
    .AddInvitationsDatabase(builder.Configuration)
    .AddWorkerServices(builder.Configuration)
    .AddInvitationsMessaging(builder.Configuration, bus => bus.AddWorkerConsumers(builder.Configuration), WorkerBus.Configure);

await using var app = builder.Build();
app.MapDefaultEndpoints();

// `migrate` applies the migrations (and the demo seed when configured), then exits: run.sh, test.sh, the
// compose "migrate" service and the Kubernetes Job call it before any service starts.
if (args.Contains("migrate", StringComparer.Ordinal))
{
    return await WorkerStartup.MigrateAsync(app.Services);
}

return await WorkerStartup.RunAsync(app);
