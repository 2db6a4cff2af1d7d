using Invitations.Api.Codes;
using Invitations.Api.Dashboard;
using Invitations.Api.DealerInvitations;
using Invitations.Api.Hubs;
using Invitations.Api.Infrastructure;
using Invitations.Api.Jobs;
using Invitations.Api.SmsDeliveryReports;
using Invitations.Api.Support;
using Invitations.Api.Uploads;
using Invitations.Data.Persistence;
using Invitations.ServiceDefaults.Hosting;
using Invitations.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("invitations-api");
builder.Services
    .AddInvitationsDatabase(builder.Configuration)
    .AddApiInfrastructure(builder.Configuration)
    .AddUploads(builder.Configuration)
    .AddJobs()
    .AddSupport()
    .AddSmsDeliveryReports(builder.Configuration)
    .AddHubs(builder.Configuration)
    .AddDealerInvitations(builder.Configuration)
    .AddInvitationsMessaging(builder.Configuration, bus => bus.AddHubConsumers(), (context, bus) => bus.ConfigureHubEndpoint(context));

var app = builder.Build();
await app.Services.PrepareDatabaseAsync();
app.UseApiInfrastructure();
app.MapDefaultEndpoints();
var api = app.MapGroup("/api/v1");
api.MapDevTokens();
api.MapUploads();
api.MapCodes();
api.MapJobs();
api.MapSupport();
api.MapDealerInvitations();
api.MapSmsResends();
api.MapSmsDeliveryReports();
app.MapHubs();
app.MapDashboard();
app.MapDealerInvitationPage();
await app.RunAsync();

/// <summary>Entry point type, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
