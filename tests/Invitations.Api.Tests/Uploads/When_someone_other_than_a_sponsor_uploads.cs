using System.Net;

namespace Invitations.Api.Tests.Uploads;

public sealed class When_someone_other_than_a_sponsor_uploads
{
    [Test]
    public async Task Should_answer_401_without_a_token()
    {
        using var anonymous = TestRun.Api.CreateClient();

        using var response = await Upload.PostAsync(anonymous, DealerFiles.Xlsx(DealerFiles.Dealers(1)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Should_answer_403_to_support_which_has_no_codes_of_its_own()
    {
        using var support = TestRun.Api.CreateSupportClient();

        using var response = await Upload.PostAsync(support, DealerFiles.Xlsx(DealerFiles.Dealers(1)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
