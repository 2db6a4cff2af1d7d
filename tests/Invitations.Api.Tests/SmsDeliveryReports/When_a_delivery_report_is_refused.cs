using System.Net;
using Invitations.Testing;

namespace Invitations.Api.Tests.SmsDeliveryReports;

/// <summary>Reports that must change nothing: unsigned, signed with another secret, for an unknown id, too big or too deep.</summary>
public sealed class When_a_delivery_report_is_refused
{
    private DeliveryReportRig _rig = null!;
    private string _messageId = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _rig = new DeliveryReportRig();
        _messageId = (await DeliveryReportRig.SentJobAsync(TestIds.NewSponsorId(), 1)).MessageIds[0];
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _rig.DisposeAsync();

    [TestCase(null, HttpStatusCode.Unauthorized, TestName = "Unsigned")]
    [TestCase("another-secret-of-enough-length", HttpStatusCode.Unauthorized, TestName = "Signed with another secret")]
    public async Task Should_answer_401_and_record_nothing(string? secret, HttpStatusCode expected)
    {
        using var response = await _rig.PostAsync(DeliveryReportRig.Report(_messageId, "delivered"), secret);

        await AssertRefusedAsync(response, expected);
    }

    [Test]
    public async Task Should_answer_404_for_an_unknown_message_id()
    {
        using var response = await _rig.PostAsync(DeliveryReportRig.Report("gw-unknown-" + Guid.NewGuid().ToString("N"), "delivered"));

        await AssertRefusedAsync(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Should_answer_413_for_a_body_above_the_bound()
    {
        using var response = await _rig.PostAsync(DeliveryReportRig.Report(_messageId, "undelivered", reason: new string('x', 5000)));

        await AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [TestCase("""{"messageId":"ID","status":"delivered","reason":{"a":{"b":{"c":{"d":1}}}}}""", TestName = "Too deep")]
    [TestCase("""{"messageId":"ID","status":"read"}""", TestName = "Unknown status")]
    [TestCase("""{"messageId":"ID","status":"delivered" """, TestName = "Not JSON")]
    public async Task Should_answer_400_for_a_body_that_is_not_a_report(string body)
    {
        using var response = await _rig.PostAsync(body.Replace("ID", _messageId, StringComparison.Ordinal));

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest);
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var invitation = await DeliveryReportRig.InvitationAsync(_messageId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(expected));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(invitation.SmsDeliveryStatus, Is.Null, "nothing was recorded");
        }
    }
}
