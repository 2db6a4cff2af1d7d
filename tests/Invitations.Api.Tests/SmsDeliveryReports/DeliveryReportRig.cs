using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Invitations.Api.SmsDeliveryReports;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using Invitations.Testing;
using Invitations.Testing.BulkJobs;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Api.Tests.SmsDeliveryReports;

/// <summary>An Api with a webhook secret, invitations whose SMS went out with known message ids, and signed posts.</summary>
internal sealed class DeliveryReportRig : IAsyncDisposable
{
    public const string Secret = "test-webhook-secret-0123456789";
    public const string Header = "X-Gateway-Signature";
    public const string Route = "/api/v1/sms/delivery-reports";

    public ApiFactory Api { get; } = new(TestRun.Infrastructure, new Dictionary<string, string?>
    {
        ["SmsDeliveryReports:Secret"] = Secret,
        ["SmsDeliveryReports:SignatureHeader"] = Header,
    });

    /// <summary>A job of <paramref name="rows"/> rows, each with an invitation whose SMS carried the returned message id.</summary>
    public static async Task<(TestJob Job, string[] MessageIds)> SentJobAsync(long sponsorId, int rows)
    {
        var job = await new TestJobBuilder(TestRun.Infrastructure).ForSponsor(sponsorId).WithRows(rows).CreateAsync();
        await using var db = TestRun.Infrastructure.CreateDbContext();
        var ids = new List<string>();
        foreach (var row in await db.BulkInvitationRows.Where(r => r.JobId == job.Id).OrderBy(r => r.RowNumber).ToListAsync())
        {
            var id = "gw-" + Guid.NewGuid().ToString("N");
            ids.Add(id);
            var invitation = new DealerInvitation
            {
                Id = Guid.NewGuid(),
                SponsorId = sponsorId,
                BulkJobId = job.Id,
                RowNumber = row.RowNumber,
                Type = InvitationType.Invite,
                Status = InvitationStatus.Pending,
                Email = row.Email,
                Phone = row.Phone,
                DealerName = row.DealerName,
                Tier = row.Tier,
                CodeCount = row.CodeCount,
                Token = Guid.NewGuid().ToString("N"),
                ExpiresAt = DateTimeOffset.UtcNow.AddDays(7),
                CreatedAt = DateTimeOffset.UtcNow,
                SmsSentAt = DateTimeOffset.UtcNow,
                SmsProviderMessageId = id,
            };
            db.DealerInvitations.Add(invitation);
            row.Status = RowStatus.Succeeded;
            row.InvitationId = invitation.Id;
        }

        await db.SaveChangesAsync();
        return (job, [.. ids]);
    }

    public static async Task<DealerInvitation> InvitationAsync(string messageId)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        return await db.DealerInvitations.AsNoTracking().SingleAsync(i => i.SmsProviderMessageId == messageId);
    }

    public static string Report(string messageId, string status, DateTimeOffset? at = null, string? reason = null) =>
        JsonSerializer.Serialize(new { messageId, status, reason, reportedAt = at }, JsonSerializerOptions.Web);

    /// <summary>Posts <paramref name="body"/> signed with <paramref name="secret"/> (null: unsigned).</summary>
    public async Task<HttpResponseMessage> PostAsync(string body, string? secret = Secret)
    {
        using var client = Api.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        if (secret is not null)
        {
            content.Headers.Add(Header, "sha256=" + SmsDeliveryReportSignature.Sign(secret, Encoding.UTF8.GetBytes(body)));
        }

        return await client.PostAsync(Route, content);
    }

    public async Task<SmsDeliveryReportResponse> RecordAsync(string body)
    {
        using var response = await PostAsync(body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SmsDeliveryReportResponse>())!;
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}
