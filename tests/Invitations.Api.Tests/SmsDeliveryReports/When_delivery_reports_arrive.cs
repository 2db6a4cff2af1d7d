using Invitations.Data.Persistence.Entities;
using Invitations.Testing;

namespace Invitations.Api.Tests.SmsDeliveryReports;

/// <summary>Signed reports from the gateway, as it sends them: twice, late, out of order.</summary>
public sealed class When_delivery_reports_arrive
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private DeliveryReportRig _rig = null!;

    [OneTimeSetUp]
    public void Start() => _rig = new DeliveryReportRig();

    [OneTimeTearDown]
    public async Task StopAsync() => await _rig.DisposeAsync();

    [Test]
    public async Task Should_record_a_duplicate_once()
    {
        var (_, ids) = await DeliveryReportRig.SentJobAsync(TestIds.NewSponsorId(), 1);
        var report = DeliveryReportRig.Report(ids[0], "delivered", T0);

        var first = await _rig.RecordAsync(report);
        var second = await _rig.RecordAsync(report);

        var invitation = await DeliveryReportRig.InvitationAsync(ids[0]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Recorded, Is.True);
            Assert.That(second.Recorded, Is.False, "the same report again changes nothing");
            Assert.That(invitation.SmsDeliveryStatus, Is.EqualTo(SmsDeliveryStatus.Delivered));
            Assert.That(invitation.SmsDeliveryReportedAt, Is.EqualTo(T0));
        }
    }

    [Test]
    public async Task Should_keep_a_final_state_against_older_or_non_final_reports()
    {
        var (_, ids) = await DeliveryReportRig.SentJobAsync(TestIds.NewSponsorId(), 1);

        await _rig.RecordAsync(DeliveryReportRig.Report(ids[0], "undelivered", T0.AddSeconds(20), "Abone kapsama alanı dışında"));
        var lateSent = await _rig.RecordAsync(DeliveryReportRig.Report(ids[0], "sent", T0.AddSeconds(30)));
        var olderFinal = await _rig.RecordAsync(DeliveryReportRig.Report(ids[0], "delivered", T0.AddSeconds(10)));

        var invitation = await DeliveryReportRig.InvitationAsync(ids[0]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lateSent.Recorded, Is.False, "a non-final report never replaces a final state");
            Assert.That(olderFinal.Recorded, Is.False, "an older report never replaces a newer final state");
            Assert.That(invitation.SmsDeliveryStatus, Is.EqualTo(SmsDeliveryStatus.Undelivered));
            Assert.That(invitation.SmsDeliveryReason, Is.EqualTo("Abone kapsama alanı dışında"));
            Assert.That(invitation.SmsDeliveryReportedAt, Is.EqualTo(T0.AddSeconds(20)));
        }
    }

    [Test]
    public async Task Should_let_a_final_report_replace_a_newer_non_final_one()
    {
        var (_, ids) = await DeliveryReportRig.SentJobAsync(TestIds.NewSponsorId(), 1);

        await _rig.RecordAsync(DeliveryReportRig.Report(ids[0], "sent", T0.AddSeconds(30)));
        var delivered = await _rig.RecordAsync(DeliveryReportRig.Report(ids[0], "DELIVERED", T0.AddSeconds(5)));

        var invitation = await DeliveryReportRig.InvitationAsync(ids[0]);
        Assert.That((delivered.Recorded, invitation.SmsDeliveryStatus), Is.EqualTo((true, (SmsDeliveryStatus?)SmsDeliveryStatus.Delivered)));
    }
}
