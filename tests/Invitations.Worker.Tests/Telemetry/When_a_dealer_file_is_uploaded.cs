using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Codes;
using Invitations.Testing;
using Invitations.Testing.BulkJobs;
using Invitations.Testing.Sponsors;
using Invitations.Worker.Tests.Dealers;

namespace Invitations.Worker.Tests.Telemetry;

public sealed class When_a_dealer_file_is_uploaded
{
    [Test]
    public async Task Should_produce_one_trace_from_the_request_through_the_broker_to_the_worker_and_the_database()
    {
        await using var services = await TracedServices.StartAsync();
        var sponsor = TestIds.NewSponsorId();
        await using (var db = TestRun.Infrastructure.CreateDbContext())
        {
            await new CodeIssuer(db, TimeProvider.System).IssueAsync(sponsor, PackageTier.M, 10, null, CancellationToken.None);
        }

        using var client = services.CreateSponsorClient(sponsor);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(DealerFile.Create(3));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "dealers.xlsx");
        using var response = await client.PostAsync("/api/v1/bulk-invitations", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var jobId = Guid.Parse(response.Headers.Location!.ToString().Split('/')[^1]);
        Assert.That(await JobWatch.UntilFinalAsync(jobId), Is.EqualTo(BulkJobStatus.Completed));
        services.Flush();

        var upload = services.Spans.Single(s => s.Kind == ActivityKind.Server && s.DisplayName.StartsWith("POST", StringComparison.Ordinal)
                                                 && s.DisplayName.Contains("bulk-invitations", StringComparison.Ordinal));
        var trace = services.Spans.Where(s => s.TraceId == upload.TraceId).ToList();
        var names = string.Join(", ", trace.Select(s => $"{s.Source.Name}:{s.DisplayName}").Distinct());

        var dealerConsumes = trace.Count(s => s.DisplayName == "invite-dealer process");
        var workerDatabaseCalls = trace.Count(s => s.Source.Name == "Npgsql" && Within(s, "invite-dealer process"));

        Assert.That(dealerConsumes, Is.GreaterThanOrEqualTo(3), names);
        Assert.That(workerDatabaseCalls, Is.Positive, names);
    }

    private static bool Within(Activity span, string ancestor)
    {
        for (var parent = span.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.DisplayName == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}
