using System.Globalization;
using ClosedXML.Excel;
using Invitations.Api.Uploads.Parsing;

namespace Invitations.Api.Uploads.Reports;

/// <summary>
/// The upload template: headers naming each column in Turkish and English (the parser reads either
/// part), one example row, fixed widths (no AdjustToContents: it needs libgdiplus) and a notes sheet.
/// </summary>
public static class TemplateWriter
{
    private static readonly (DealerColumn Column, string Header, string Example, double Width, string NotesTr, string NotesEn)[] Columns =
    [
        (DealerColumn.Email, "E-posta / Email", "bayi@ornek.com.tr", 30, "Zorunlu. Geçerli bir e-posta; dosyada ve mevcut bayilerinizde tekrar edemez.", "Required. A valid email; must not repeat in the file or match one of your dealers or pending invitations."),
        (DealerColumn.Phone, "Telefon / Phone", "0532 123 45 67", 20, "Zorunlu. Türkiye numarası (+90 532…, 0532…, 532…); SMS için cep telefonu. Dosyada tekrar edemez.", "Required. A Turkish number (+90 532…, 0532…, 532…); a mobile number when SMS is sent. Must not repeat in the file."),
        (DealerColumn.DealerName, "Bayi Adı / Dealer Name", "Örnek Tarım Ltd. Şti.", 32, "Zorunlu, en fazla 200 karakter.", "Required, at most 200 characters."),
        (DealerColumn.CodeCount, "Kod Adedi / Code Count", "5", 16, "Satıra özel kod adedi seçildiğinde zorunlu: 1 ile 1000 arası tam sayı; yoksa varsayılan adet kullanılır.", "Required when row-specific counts are chosen: a whole number from 1 to 1000; otherwise the default count applies."),
        (DealerColumn.Tier, "Paket / Tier", "M", 12, "S, M, L ya da XL (büyük/küçük harf fark etmez); boşsa varsayılan paket kullanılır.", "S, M, L or XL (any case); when empty the default tier applies."),
    ];

    public static byte[] Write(UploadOptions options)
    {
        using var workbook = new XLWorkbook();
        var dealers = workbook.Worksheets.Add("Bayiler - Dealers");
        var notes = workbook.Worksheets.Add("Açıklamalar - Notes");
        notes.Cell(1, 1).Value = "Sütun / Column";
        notes.Cell(1, 2).Value = "Kurallar";
        notes.Cell(1, 3).Value = "Rules";
        for (var i = 0; i < Columns.Length; i++)
        {
            var (_, header, example, width, notesTr, notesEn) = Columns[i];
            dealers.Cell(1, i + 1).Value = header;
            dealers.Cell(2, i + 1).SetValue(example);
            dealers.Cell(2, i + 1).DataType = XLDataType.Text;
            dealers.Column(i + 1).Width = width;
            notes.Cell(i + 2, 1).Value = header;
            notes.Cell(i + 2, 2).Value = notesTr;
            notes.Cell(i + 2, 3).Value = notesEn;
        }

        dealers.Row(1).Style.Font.Bold = true;
        dealers.SheetView.FreezeRows(1);
        notes.Row(1).Style.Font.Bold = true;
        notes.Column(1).Width = 26;
        notes.Column(2).Width = 70;
        notes.Column(3).Width = 70;
        notes.Columns(2, 3).Style.Alignment.WrapText = true;
        var footer = Columns.Length + 3;
        notes.Cell(footer, 1).Value = "Genel / General";
        notes.Cell(footer, 2).Value = string.Create(CultureInfo.InvariantCulture, $"İlk satır başlıktır; sütunlar adlarıyla bulunur (sıra önemsiz). Boş satırlar atlanır. En fazla {options.MaxRows} bayi, {options.MaxFileBytes / 1024} KB; .xlsx ya da UTF-8 .csv (; veya , ile ayrılmış).");
        notes.Cell(footer, 3).Value = string.Create(CultureInfo.InvariantCulture, $"Row 1 is the header; columns are found by name (any order). Empty rows are skipped. At most {options.MaxRows} dealers, {options.MaxFileBytes / 1024} KB; .xlsx or UTF-8 .csv (; or , separated).");
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
