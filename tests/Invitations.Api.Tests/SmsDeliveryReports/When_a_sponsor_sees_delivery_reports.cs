using System.Net.Http.Json;
using System.Text;
using Invitations.Api.SmsDeliveryReports;
using Invitations.Api.Support;
using Invitations.Testing;

namespace Invitations.Api.Tests.SmsDeliveryReports;

/// <summary>What the reports change where people look: the dashboard's counts, the results file, the support view.</summary>
public sealed class When_a_sponsor_sees_delivery_reports
{
    private DeliveryReportRig _rig = null!;

    [OneTimeSetUp]
    public void Start() => _rig = new DeliveryReportRig();

    [OneTimeTearDown]
    public async Task StopAsync() => await _rig.DisposeAsync();

    [Test]
    public async Task Should_count_and_show_each_rows_delivery()
    {
        var sponsorId = TestIds.NewSponsorId();
        var (job, ids) = await DeliveryReportRig.SentJobAsync(sponsorId, 3);
        await _rig.RecordAsync(DeliveryReportRig.Report(ids[0], "delivered"));
        await _rig.RecordAsync(DeliveryReportRig.Report(ids[1], "undelivered", reason: "Numara kullanımda değil"));
        using var sponsor = _rig.Api.CreateSponsorClient(sponsorId);
        using var support = _rig.Api.CreateSupportClient();
        using var otherSponsor = _rig.Api.CreateSponsorClient(TestIds.NewSponsorId());

        var counts = await sponsor.GetFromJsonAsync<SmsDeliverySummaryResponse>($"/api/v1/bulk-invitations/{job.Id}/sms-delivery");
        var csv = Encoding.UTF8.GetString(await sponsor.GetByteArrayAsync($"/api/v1/bulk-invitations/{job.Id}/results?format=csv"));
        var detail = await support.GetFromJsonAsync<SupportJobDetail>($"/api/v1/support/bulk-invitations/{job.Id}");
        using var hidden = await otherSponsor.GetAsync($"/api/v1/bulk-invitations/{job.Id}/sms-delivery");

        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(counts, Is.EqualTo(new SmsDeliverySummaryResponse(job.Id, 3, 1, 1, 1)));
            Assert.That(lines[0], Does.EndWith(",\"Sms\""));
            Assert.That(lines.Skip(1).Select(l => l.Split(',')[^1]), Is.EqualTo(new[] { "\"Delivered\"", "\"Undelivered: Numara kullanımda değil\"", "\"Sent\"" }));
            Assert.That(detail!.Rows.OrderBy(r => r.RowNumber).Select(r => r.SmsDelivery), Is.EqualTo(new[] { "Delivered", "Undelivered", "Sent" }));
            Assert.That(detail.Rows.Single(r => r.SmsDelivery == "Undelivered").SmsDeliveryReason, Is.EqualTo("Numara kullanımda değil"));
            Assert.That((int)hidden.StatusCode, Is.EqualTo(404), "another sponsor's job is not found");
        }
    }
}
