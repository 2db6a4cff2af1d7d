using Invitations.Data.Privacy;

namespace Invitations.Data.Tests.Privacy;

public sealed class When_personal_data_is_masked
{
    [TestCase("ahmet.yilmaz@example.com", "a***z@e***.com")]
    [TestCase("INFO@TARIM.COM.TR", "I***O@T***.TR")]
    [TestCase("ab@x.io", "a***@x***.io")]
    public void Should_keep_only_enough_of_an_email_to_recognise_it(string email, string expected) =>
        Assert.That(Mask.Email(email), Is.EqualTo(expected));

    [TestCase("+905321234567", "+90********67")]
    [TestCase("05321234567", "0********67")]
    public void Should_keep_the_country_code_and_last_two_digits_of_a_phone(string phone, string expected) =>
        Assert.That(Mask.Phone(phone), Is.EqualTo(expected));

    [Test]
    public void Should_never_return_the_input_unchanged()
    {
        var email = "dealer@example.com";
        var phone = "+905551112233";

        Assert.That(Mask.Email(email), Does.Not.Contain("dealer"));
        Assert.That(Mask.Phone(phone), Does.Not.Contain("5551112233"));
    }
}
