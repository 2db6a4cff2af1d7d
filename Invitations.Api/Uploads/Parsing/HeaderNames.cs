using System.Globalization;
using System.Text;

namespace Invitations.Api.Uploads.Parsing;

/// <summary>Column names as the sponsor knows them, and the header cells that name each column.</summary>
public static class HeaderNames
{
    private static readonly Dictionary<string, DealerColumn> Aliases = new(StringComparer.Ordinal)
    {
        ["email"] = DealerColumn.Email,
        ["eposta"] = DealerColumn.Email,
        ["emailadresi"] = DealerColumn.Email,
        ["epostaadresi"] = DealerColumn.Email,
        ["phone"] = DealerColumn.Phone,
        ["phonenumber"] = DealerColumn.Phone,
        ["telefon"] = DealerColumn.Phone,
        ["telefonnumarasi"] = DealerColumn.Phone,
        ["dealername"] = DealerColumn.DealerName,
        ["bayiadi"] = DealerColumn.DealerName,
        ["codecount"] = DealerColumn.CodeCount,
        ["kodadedi"] = DealerColumn.CodeCount,
        ["kodsayisi"] = DealerColumn.CodeCount,
        ["tier"] = DealerColumn.Tier,
        ["packagetier"] = DealerColumn.Tier,
        ["paket"] = DealerColumn.Tier,
    };

    public static string Display(DealerColumn column, UploadLanguage language) => (column, language) switch
    {
        (DealerColumn.Email, UploadLanguage.Turkish) => "E-posta",
        (DealerColumn.Phone, UploadLanguage.Turkish) => "Telefon",
        (DealerColumn.DealerName, UploadLanguage.Turkish) => "Bayi Adı",
        (DealerColumn.CodeCount, UploadLanguage.Turkish) => "Kod Adedi",
        (DealerColumn.Tier, UploadLanguage.Turkish) => "Paket",
        (DealerColumn.DealerName, _) => "DealerName",
        (DealerColumn.CodeCount, _) => "CodeCount",
        _ => column.ToString(),
    };

    /// <summary>
    /// Which column a header cell names: case-, accent- and spacing-insensitive; "E-posta (Email)" or
    /// "Telefon / Phone" (the template's own headers) match through either part.
    /// </summary>
    public static DealerColumn? Match(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        if (Aliases.TryGetValue(Normalize(header), out var column))
        {
            return column;
        }

        foreach (var part in header.Split(['/', '(', ')', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Aliases.TryGetValue(Normalize(part), out column))
            {
                return column;
            }
        }

        return null;
    }

    internal static string Normalize(string text)
    {
        // The dotless ı and the dotted İ have no decomposition to a plain i: map them first.
        var decomposed = text.Replace('ı', 'i').Replace('İ', 'I').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
