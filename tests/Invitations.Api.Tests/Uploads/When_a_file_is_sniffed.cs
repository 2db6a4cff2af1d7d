using Invitations.Api.Uploads;
using Invitations.Api.Uploads.Files;
using Invitations.Api.Uploads.Parsing;

namespace Invitations.Api.Tests.Uploads;

public sealed class When_a_file_is_sniffed
{
    private static readonly UploadOptions Limits = new();

    [Test]
    public void Should_know_an_xlsx_and_a_csv_by_their_bytes()
    {
        Assert.That(FileSniffer.Sniff(DealerFiles.Xlsx(DealerFiles.EnglishHeader), Limits), Is.EqualTo(FileKind.Xlsx));
        Assert.That(FileSniffer.Sniff(DealerFiles.Csv("Email;Phone\n", bom: true), Limits), Is.EqualTo(FileKind.Csv));
    }

    [Test]
    public void Should_know_an_xlsb_by_its_binary_workbook_part()
    {
        Assert.That(FileSniffer.Sniff(When_an_xlsb_is_read.Workbook(), Limits), Is.EqualTo(FileKind.Xlsb));
    }

    [Test]
    public void Should_refuse_a_compound_document_that_is_no_workbook_and_name_what_is_read()
    {
        var ex = Assert.Throws<UploadRejectedException>(() => FileSniffer.Sniff(DealerFiles.LegacyXls(), Limits));

        Assert.That(ex.StatusCode, Is.EqualTo(415));
        Assert.That(UploadText.Get(UploadLanguage.English, ex.DetailKey), Does.Contain(".xlsx"));
    }

    [Test]
    public void Should_refuse_a_zip_that_inflates_past_the_limit_before_parsing()
    {
        var bomb = DealerFiles.ZipBomb(64L * 1024 * 1024);

        var ex = Assert.Throws<UploadRejectedException>(() => FileSniffer.Sniff(bomb, Limits));

        Assert.That(bomb, Has.Length.LessThan(1024 * 1024));
        Assert.That(ex.StatusCode, Is.EqualTo(413));
    }

    [Test]
    public void Should_refuse_a_corrupt_zip_with_400()
    {
        var ex = Assert.Throws<UploadRejectedException>(() => FileSniffer.Sniff(DealerFiles.CorruptZip(), Limits));

        Assert.That(ex.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public void Should_refuse_binary_with_415_and_take_non_UTF8_text_as_CSV()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];
        byte[] latin5 = [0x45, 0x6D, 0x61, 0x69, 0x6C, 0x3B, 0xDD, 0xFE, 0x0A];

        Assert.That(Assert.Throws<UploadRejectedException>(() => FileSniffer.Sniff(png, Limits)).StatusCode, Is.EqualTo(415));
        Assert.That(FileSniffer.Sniff(latin5, Limits), Is.EqualTo(FileKind.Csv));
    }
}
