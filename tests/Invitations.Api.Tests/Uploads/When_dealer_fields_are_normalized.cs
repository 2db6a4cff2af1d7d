using Invitations.Api.Uploads;
using Invitations.Api.Uploads.Parsing;
using Invitations.Api.Uploads.Validation;
using Invitations.Contracts.BulkInvitations;

namespace Invitations.Api.Tests.Uploads;

[SetCulture("tr-TR")]
public sealed class When_dealer_fields_are_normalized
{
    [TestCase("+90 532 123 45 67")]
    [TestCase("+905321234567")]
    [TestCase("0532 123 45 67")]
    [TestCase("05321234567")]
    [TestCase("5321234567")]
    [TestCase("0 (532) 123 45 67")]
    [TestCase("90 (532) 123 45 67")]
    [TestCase("905321234567")]
    [TestCase("0090 532 123 4567")]
    [TestCase("(0532) 123-45-67")]
    [TestCase("532.123.45.67")]
    public void Should_write_every_usual_Turkish_mobile_in_E164(string written)
    {
        var phone = DealerFields.NormalizePhone(written);

        Assert.That(phone, Is.EqualTo(("+905321234567", true)));
    }

    [Test]
    public void Should_know_a_landline_is_not_a_mobile() =>
        Assert.That(DealerFields.NormalizePhone("0212 555 12 34"), Is.EqualTo(("+902125551234", false)));

    [TestCase("12345")]
    [TestCase("+49 30 1234567")]
    [TestCase("telefon")]
    public void Should_refuse_what_is_not_a_Turkish_number(string written) =>
        Assert.That(DealerFields.NormalizePhone(written), Is.Null);

    [Test]
    public void Should_lower_case_emails_without_the_Turkish_dotless_i() =>
        Assert.That(DealerFields.NormalizeEmail("  INFO@ORNEK.COM "), Is.EqualTo("info@ornek.com"));

    [TestCase("xl", PackageTier.XL)]
    [TestCase(" Xl ", PackageTier.XL)]
    [TestCase("s", PackageTier.S)]
    [TestCase("m", PackageTier.M)]
    [TestCase("l", PackageTier.L)]
    public void Should_read_tiers_in_any_case(string written, PackageTier tier) =>
        Assert.That(DealerFields.ParseTier(written), Is.EqualTo(tier));

    [Test]
    public void Should_report_every_broken_field_of_a_row_in_Turkish()
    {
        var validator = new DealerRowValidator(new UploadRequestOptions { UseRowSpecificCounts = true }, new UploadOptions(), UploadLanguage.Turkish);
        var row = new DealerRowInput(7, "not-an-email", "0212 555 12 34", new string('A', 201), "0", "XXL", []);

        var failures = validator.Validate(row).Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);

        Assert.That(failures.Keys, Is.EquivalentTo(new[] { "Email", "Phone", "DealerName", "CodeCount", "Tier" }));
        Assert.That(failures["Phone"], Is.EqualTo("SMS gönderimi için cep telefonu numarası gerekir."));
        Assert.That(failures["Tier"], Does.Contain("XXL"));
    }

    [Test]
    public void Should_accept_a_landline_when_no_SMS_is_sent()
    {
        var validator = new DealerRowValidator(new UploadRequestOptions { SendSms = false, DefaultTier = PackageTier.S }, new UploadOptions(), UploadLanguage.English);

        var result = validator.Validate(new DealerRowInput(2, "info@ornek.com", "0212 555 12 34", "Bayi", "", "", []));

        Assert.That(result.IsValid, Is.True, string.Join("; ", result.Errors));
    }
}
