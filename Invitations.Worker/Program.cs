using Invitations.Infrastructure.Hosting;
using Invitations.Infrastructure.Messaging;
using Invitations.Infrastructure.Persistence;
using Invitations.Worker;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults("invitations-worker");
builder.Services
    .AddInvitationsDatabase(builder.Configuration)
    .AddWorkerServices(builder.Configuration)
    .AddInvitationsMessaging(builder.Configuration, bus => bus.AddWorkerConsumers(builder.Configuration), WorkerBus.Configure);

using var host = builder.Build();

// `migrate` applies the migrations (and the demo seed when configured), then exits: run.sh and test.sh
// call it before any service starts.
if (args.Contains("migrate", StringComparer.Ordinal))
{
    return await WorkerStartup.MigrateAsync(host.Services);
}

return await WorkerStartup.RunAsync(host);
