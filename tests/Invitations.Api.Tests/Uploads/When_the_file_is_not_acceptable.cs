using System.Net;
using Invitations.Testing;

namespace Invitations.Api.Tests.Uploads;

public sealed class When_the_file_is_not_acceptable
{
    [Test]
    public async Task Should_answer_413_for_a_file_over_the_limit()
    {
        using var client = TestRun.Api.CreateSponsorClient(TestIds.NewSponsorId());

        using var response = await Upload.PostAsync(client, new byte[6 * 1024 * 1024], "big.xlsx");
        var body = await Upload.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(body.GetProperty("detail").GetString(), Does.Contain("5242880"));
    }

    [Test]
    public async Task Should_answer_415_for_an_image_named_like_a_spreadsheet()
    {
        using var client = TestRun.Api.CreateSponsorClient(TestIds.NewSponsorId());
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

        using var response = await Upload.PostAsync(client, png, "bayiler.xlsx");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Should_answer_415_in_Turkish_for_a_compound_document_that_is_no_workbook()
    {
        using var client = TestRun.Api.CreateSponsorClient(TestIds.NewSponsorId());

        using var response = await Upload.PostAsync(client, DealerFiles.LegacyXls(), "bayiler.xls", language: "tr");
        var body = await Upload.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(body.GetProperty("detail").GetString(), Does.Contain("Yalnızca Excel (.xlsx, .xlsm, .xlsb, .xls)"));
    }

    [Test]
    public async Task Should_refuse_a_zip_bomb_quickly()
    {
        using var client = TestRun.Api.CreateSponsorClient(TestIds.NewSponsorId());

        using var response = await Upload.PostAsync(client, DealerFiles.ZipBomb(2L * 1024 * 1024 * 1024), "bomb.xlsx");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task Should_refuse_a_zip_bomb_that_lies_about_its_sizes()
    {
        using var client = TestRun.Api.CreateSponsorClient(TestIds.NewSponsorId());
        var bomb = DealerFiles.LyingZipBomb(1L * 1024 * 1024 * 1024);

        using var response = await Upload.PostAsync(client, bomb, "bomb.xlsx");

        Assert.That(bomb, Has.Length.LessThan(5 * 1024 * 1024));
        Assert.That((int)response.StatusCode, Is.InRange(400, 499), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Should_answer_400_for_a_corrupt_zip()
    {
        using var client = TestRun.Api.CreateSponsorClient(TestIds.NewSponsorId());

        using var response = await Upload.PostAsync(client, DealerFiles.CorruptZip(), "bozuk.xlsx");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Should_answer_400_for_a_workbook_with_a_broken_sheet()
    {
        using var client = TestRun.Api.CreateSponsorClient(TestIds.NewSponsorId());
        var file = DealerFiles.Xlsx(DealerFiles.Dealers(3));
        file[^30] ^= 0xFF;
        file[file.Length / 2] ^= 0xFF;

        using var response = await Upload.PostAsync(client, file, "bozuk.xlsx");

        Assert.That((int)response.StatusCode, Is.InRange(400, 499), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Should_answer_400_for_more_rows_than_the_limit()
    {
        using var client = TestRun.Api.CreateSponsorClient(TestIds.NewSponsorId());

        using var response = await Upload.PostAsync(client, DealerFiles.Xlsx(DealerFiles.Dealers(2_001)));
        var body = await Upload.JsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("detail").GetString(), Does.Contain("2000"));
    }

    [Test]
    public async Task Should_report_an_absurdly_long_cell_without_echoing_it()
    {
        using var client = TestRun.Api.CreateSponsorClient(TestIds.NewSponsorId());
        var csv = DealerFiles.Csv($"Email;Phone;DealerName;Tier\na@ornek.com;05321112233;{new string('x', 200_000)};S\n");

        using var response = await Upload.PostAsync(client, csv, "bayiler.csv");
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(text, Does.Contain("at most 1000 characters"));
        Assert.That(text, Has.Length.LessThan(2_000));
    }
}
