"""The corpus files written by Debian's XlsxWriter and openpyxl, and a Windows-1254 CSV as Turkish Excel saves it."""
import sys

import openpyxl
import xlsxwriter

out = sys.argv[1]
HEADER = ["E-posta", "Telefon", "Bayi Adı", "Kod Adedi", "Paket"]
# Phones as numbers and as text, counts as 3, 3.0 and "3", Turkish letters; row 4 of the list has a bad email.
DEALERS = [
    ["d1@ornek.com", 5321110001, "Çiftçi Şükrü İşletmesi", 3, "M"],
    ["D2@ORNEK.COM", "0532 111 00 02", "Ilıca Tarım Ltd. Şti.", 3.0, "S"],
    ["d3@ornek.com", 905321110003, "Öz Gıda", "3", "L"],
    ["bozuk-eposta", 5321110004, "Hatalı Bayi", 1, "M"],
    ["d5@ornek.com", "+90 532 111 00 05", "Ege Bayi", 2, "XL"],
]


def xlsxwriter_plain():
    workbook = xlsxwriter.Workbook(f"{out}/xlsxwriter-plain.xlsx")
    sheet = workbook.add_worksheet("Bayiler")
    for r, row in enumerate([HEADER] + DEALERS):
        sheet.write_row(r, 0, row)
    workbook.close()


def xlsxwriter_quirks():
    """A hidden lists sheet first, a merged title and a blank row above the header, reordered and extra columns,
    a formula with its cached value and rich text."""
    workbook = xlsxwriter.Workbook(f"{out}/xlsxwriter-quirks.xlsx")
    lists = workbook.add_worksheet("Listeler")
    lists.write_column(0, 0, ["S", "M", "L", "XL"])
    sheet = workbook.add_worksheet("Bayiler")
    sheet.activate()
    lists.hide()
    bold = workbook.add_format({"bold": True})
    sheet.merge_range("A1:F1", "Bayi Listesi - Kasım 2026", bold)
    sheet.write_row(2, 0, ["Sıra No", "Paket", "Bayi Adı", "Notlar", "E-posta", "Telefon", "Kod Adedi"])
    for i, (email, phone, name, count, tier) in enumerate(DEALERS):
        r = 3 + i
        sheet.write_number(r, 0, i + 1)
        sheet.write_string(r, 1, tier)
        if i == 0:
            sheet.write_rich_string(r, 2, bold, "Çiftçi ", "Şükrü İşletmesi")
        else:
            sheet.write_string(r, 2, name)
        sheet.write_string(r, 3, "arandı")
        if i == 0:
            sheet.write_formula(r, 4, '=LOWER("D1@ORNEK.COM")', None, "d1@ornek.com")
        else:
            sheet.write(r, 4, email)
        sheet.write(r, 5, phone)
        sheet.write(r, 6, count)
    # Sıra No pre-filled below the dealers: rows with none of the five fields.
    for r in range(8, 40):
        sheet.write_number(r, 0, r - 2)
    workbook.close()


def openpyxl_notes_first():
    """A visible notes sheet before the dealers; counts as text."""
    workbook = openpyxl.Workbook()
    notes = workbook.active
    notes.title = "Notlar"
    notes.append(["Bu listeyi doldurun; her satır bir bayidir."])
    notes.append(["Telefonlar 05xx ile başlar."])
    sheet = workbook.create_sheet("Bayiler")
    sheet.append(HEADER)
    for email, phone, name, count, tier in DEALERS:
        sheet.append([email, phone, name, str(int(count)), tier])
    workbook.save(f"{out}/openpyxl-notes-first.xlsx")


def csv_windows_1254():
    """What Turkish Excel's "CSV (Comma delimited)" writes: Windows-1254, ';', a decimal comma, here with a sep= line."""
    lines = ["sep=;", ";".join(HEADER)]
    for email, phone, name, count, tier in DEALERS:
        lines.append(";".join([email, str(phone), name, f"{int(count)},00", tier]))
    with open(f"{out}/excel-tr-1254.csv", "wb") as f:
        f.write(("\r\n".join(lines) + "\r\n").encode("cp1254"))


xlsxwriter_plain()
xlsxwriter_quirks()
openpyxl_notes_first()
csv_windows_1254()
