using System.Globalization;

namespace Invitations.Api.Uploads;

/// <summary>Every message a sponsor reads about an upload, in Turkish and English.</summary>
public static class UploadText
{
    private static readonly Dictionary<string, (string Tr, string En)> Texts = new(StringComparer.Ordinal)
    {
        ["title.invalid"] = ("Dosyada hatalar var", "The file has errors"),
        ["detail.invalid"] = ("{0} hata bulundu; dosyayı düzeltip yeniden yükleyin. Hatalar satır sırasıyla listelenmiştir.", "{0} error(s) found; fix the file and upload it again. Errors are listed by row."),
        ["title.bad-request"] = ("Yükleme okunamadı", "The upload could not be read"),
        ["missing-file"] = ("'file' alanında bir dosya gönderin (multipart/form-data).", "Send the spreadsheet in the 'file' field (multipart/form-data)."),
        ["bad-option"] = ("'{0}' alanının değeri geçersiz: '{1}'.", "The value of '{0}' is not valid: '{1}'."),
        ["title.too-large"] = ("Dosya çok büyük", "The file is too large"),
        ["too-large"] = ("Dosya en fazla {0} bayt olabilir.", "The file may be at most {0} bytes."),
        ["inflates"] = ("Dosya açıldığında {0} bayttan büyük oluyor; bu bir Excel dosyası için fazla.", "The file unpacks to more than {0} bytes, too much for a dealer list."),
        ["title.unsupported"] = ("Desteklenmeyen dosya türü", "Unsupported file type"),
        ["unsupported"] = ("Yalnızca Excel (.xlsx, .xlsm, .xlsb, .xls) ve .csv dosyaları kabul edilir.", "Only Excel (.xlsx, .xlsm, .xlsb, .xls) and .csv files are accepted."),
        ["ods"] = ("OpenDocument (.ods) çalışma sayfaları okunmuyor: dosyayı 'Farklı Kaydet > Excel 2007-365 (.xlsx)' ile .xlsx olarak kaydedip yükleyin.", "OpenDocument (.ods) spreadsheets are not read: save the file as .xlsx ('Save As > Excel 2007-365 (.xlsx)') and upload that."),
        ["title.encrypted"] = ("Dosya parolayla korunuyor", "The file is password-protected"),
        ["encrypted"] = ("Parolalı bir dosya okunamaz: Excel'de 'Dosya > Bilgi > Çalışma Kitabını Koru > Parolayla Şifrele' altında parolayı silip kaydedin, sonra yükleyin.", "A password-protected file cannot be read: in Excel remove the password ('File > Info > Protect Workbook > Encrypt with Password'), save, and upload again."),
        ["too-complex"] = ("Dosya bir bayi listesi için fazla karmaşık ({0}: {1}); Excel'de .xlsx olarak yeniden kaydedin.", "The file is too complex for a dealer list ({0}: {1}); save it again as .xlsx in Excel."),
        ["bad-reference"] = ("Dosyada geçersiz ya da sırasız bir satır/hücre başvurusu var ({0}: '{1}'); Excel'de açıp yeniden kaydedin.", "The file has an invalid or out-of-order row or cell reference ({0}: '{1}'); open it in Excel and save it again."),
        ["too-slow"] = ("Dosya {0} saniyede okunamadı; bir bayi listesi için fazla karmaşık.", "The file could not be read within {0} seconds; it is too complex for a dealer list."),
        ["title.busy"] = ("Şu anda çok sayıda dosya okunuyor", "Too many files are being read right now"),
        ["busy"] = ("{0} saniye sonra yeniden deneyin.", "Try again in {0} seconds."),
        ["title.corrupt"] = ("Dosya bozuk", "The file is corrupt"),
        ["corrupt"] = ("Dosya açılamadı: bozuk ya da geçerli bir Excel çalışma kitabı değil.", "The file could not be opened: it is corrupt or not a valid Excel workbook."),
        ["too-many-rows"] = ("Dosyada en fazla {0} bayi olabilir; daha fazla satır var.", "A file may hold at most {0} dealers; this one has more rows."),
        ["empty"] = ("Dosyada bayi satırı yok.", "The file has no dealer rows."),
        ["title.conflict"] = ("Yetersiz kod", "Not enough codes"),
        ["codes-short"] = ("Bu yükleme için yeterli sponsorluk kodunuz yok; eksik paketler listelenmiştir.", "You do not have enough sponsorship codes for this upload; the tiers short are listed."),
        ["title.running"] = ("Aynı dosya zaten işleniyor", "The same file is already being processed"),
        ["running"] = ("Bu dosya {0} numaralı işte henüz tamamlanmadı.", "This file is still being processed by job {0}."),
        ["title.idempotency"] = ("Idempotency-Key başka bir dosyayla kullanılmış", "Idempotency-Key reused with another file"),
        ["idempotency"] = ("Bu Idempotency-Key daha önce farklı bir dosya için kullanıldı; yeni bir anahtar kullanın.", "This Idempotency-Key was used before for a different file; use a new key."),
        ["title.rate-limit"] = ("Çok fazla yükleme", "Too many uploads"),
        ["rate-limit"] = ("Kısa sürede çok fazla dosya yüklediniz; biraz bekleyip tekrar deneyin.", "You uploaded too many files in a short time; wait a little and try again."),
        ["missing-column"] = ("'{0}' sütunu bulunamadı.", "Column '{0}' was not found."),
        ["cell-too-long"] = ("Hücre en fazla {0} karakter olabilir.", "A cell may hold at most {0} characters."),
        ["email.required"] = ("E-posta zorunludur.", "Email is required."),
        ["email.invalid"] = ("'{0}' geçerli bir e-posta adresi değil.", "'{0}' is not a valid email address."),
        ["email.duplicate"] = ("Bu e-posta dosyada {0}. satırda da var.", "This email also appears on row {0}."),
        ["email.exists"] = ("Bu e-posta zaten bir bayinize ya da bekleyen bir davetinize ait.", "This email already belongs to one of your dealers or to a pending invitation."),
        ["phone.required"] = ("Telefon zorunludur.", "Phone is required."),
        ["phone.invalid"] = ("'{0}' geçerli bir Türkiye telefon numarası değil.", "'{0}' is not a valid Turkish phone number."),
        ["phone.mobile"] = ("SMS gönderimi için cep telefonu numarası gerekir.", "Sending SMS needs a mobile number."),
        ["phone.duplicate"] = ("Bu telefon numarası dosyada {0}. satırda da var.", "This phone number also appears on row {0}."),
        ["name.required"] = ("Bayi adı zorunludur.", "Dealer name is required."),
        ["name.too-long"] = ("Bayi adı en fazla {0} karakter olabilir.", "Dealer name may be at most {0} characters."),
        ["tier.required"] = ("Paket zorunludur (ya da varsayılan paketi seçin).", "Tier is required (or choose a default tier)."),
        ["tier.invalid"] = ("'{0}' geçerli bir paket değil; S, M, L ya da XL olmalı.", "'{0}' is not a valid tier; use S, M, L or XL."),
        ["count.invalid"] = ("Kod adedi 1 ile {0} arasında bir tam sayı olmalı.", "Code count must be a whole number from 1 to {0}."),
    };

    public static string Get(UploadLanguage language, string key, params object?[] args)
    {
        var (tr, en) = Texts[key];
        var format = language == UploadLanguage.Turkish ? tr : en;
        return args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
