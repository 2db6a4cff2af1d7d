using Invitations.Data.Privacy;

namespace Invitations.Data.Tests.Privacy;

public sealed class When_an_invitation_token_is_masked
{
    private const string Token = "Qx3v9Jk2mN8pL5rT7wY1zA4bC6dE0fG2hI4jK6lM8nO";

    [TestCase("/invitations/" + Token, "/invitations/Qx3v***")]
    [TestCase("/api/v1/invitations/" + Token + "/accept", "/api/v1/invitations/Qx3v***/accept")]
    public void Should_keep_only_the_first_four_characters_in_a_path(string path, string expected) =>
        Assert.That(Mask.InvitationPath(path), Is.EqualTo(expected));

    [Test]
    public void Should_leave_other_paths_alone_and_never_return_a_whole_token()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Mask.InvitationPath("/api/v1/bulk-invitations/abc"), Is.Null);
            Assert.That(Mask.Token(Token), Is.EqualTo("Qx3v***"));
            Assert.That(Mask.Token("abc"), Is.EqualTo("***"));
        }
    }
}
