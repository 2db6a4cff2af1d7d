using Invitations.SmsGatewayStub;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

// A stand-in SMS gateway for the fault suite (README.md beside this file): POST /sms as the HTTP provider sends
// it, behaving as the command line and POST /_stub/mode say, recording every SMS it accepts.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

// Bursts of new connections from a Worker must queue, not be reset (with a small listen backlog the kernel resets them).
builder.WebHost.UseSockets(o => o.Backlog = 4096);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(services => new SmsGateway(
    builder.Configuration.Get<StubMode>() ?? new StubMode(), services.GetRequiredService<TimeProvider>()));

builder.Services.AddSingleton<BatchGateway>();
builder.Services.AddSingleton<DeliveryReporter>();

var app = builder.Build();
var reporter = app.Services.GetRequiredService<DeliveryReporter>();
app.Services.GetRequiredService<SmsGateway>().OnAccepted = reporter.Schedule;
app.MapStubEndpoints();
app.Run();
