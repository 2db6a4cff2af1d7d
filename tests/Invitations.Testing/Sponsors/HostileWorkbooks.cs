namespace Invitations.Testing.Sponsors;

/// <summary>Every hostile workbook, by name: what the Api must refuse with a 400 in well under a second.</summary>
public static class HostileWorkbooks
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static IEnumerable<(string Case, byte[] File)> All()
    {
        yield return ("100,000 nested elements in a cell", HostileWorkbook.Create(w =>
        {
            w.Write(HostileWorkbook.Header + """<row r="2"><c r="A2" t="inlineStr"><is>""");
            HostileWorkbook.Nested(w, "r", 100_000);
            w.Write("</is></c></row>");
        }));
        yield return ("100,000 nested elements in sharedStrings", HostileWorkbook.Create(sharedStrings: w =>
        {
            w.Write($"""<sst xmlns="{Main}"><si>""");
            HostileWorkbook.Nested(w, "r", 100_000);
            w.Write("</si></sst>");
        }));
        yield return ("100,000 nested elements in workbook", HostileWorkbook.Create(workbook: w =>
        {
            w.Write($"""<workbook xmlns="{Main}"><sheets>""");
            HostileWorkbook.Nested(w, "sheets", 100_000);
            w.Write("</sheets></workbook>");
        }));
        yield return ("100,000 nested elements in styles", HostileWorkbook.Create(styles: w =>
        {
            w.Write($"""<styleSheet xmlns="{Main}">""");
            HostileWorkbook.Nested(w, "cellXfs", 100_000);
            w.Write("</styleSheet>");
        }));
        yield return ("3,000,000 empty cells in a row", HostileWorkbook.Create(w =>
        {
            w.Write(HostileWorkbook.Header + """<row r="2">""");
            HostileWorkbook.Repeat(w, "<c/>", 3_000_000);
            w.Write("</row>");
        }));
        yield return ("2,000,000 elements in sheetData", HostileWorkbook.Create(w =>
        {
            w.Write(HostileWorkbook.Header);
            HostileWorkbook.Repeat(w, "<x/>", 2_000_000);
        }));
        yield return ("2,000,000 elements in styles", HostileWorkbook.Create(styles: w =>
        {
            w.Write($"""<styleSheet xmlns="{Main}"><numFmts>""");
            HostileWorkbook.Repeat(w, "<x/>", 2_000_000);
            w.Write("</numFmts></styleSheet>");
        }));
        yield return ("3,000,000 shared strings", HostileWorkbook.Create(sharedStrings: w =>
        {
            w.Write($"""<sst xmlns="{Main}">""");
            HostileWorkbook.Repeat(w, "<si><t>x</t></si>", 3_000_000);
            w.Write("</sst>");
        }));
        yield return ("1,000,000 empty rows", HostileWorkbook.Create(w =>
        {
            w.Write(HostileWorkbook.Header);
            for (var r = 2; r < 1_000_002; r++)
            {
                w.Write("<row/>");
            }
        }));
        yield return ("a 20,000,000-character cell", HostileWorkbook.Create(w =>
        {
            w.Write(HostileWorkbook.Header + """<row r="2"><c r="A2" t="str"><v>""");
            HostileWorkbook.Repeat(w, "xxxxxxxxxxxxxxxxxxxx", 1_000_000);
            w.Write("</v></c></row>");
        }));
        yield return ("a DTD", HostileWorkbook.Create(workbook: w => w.Write($"""<!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><workbook xmlns="{Main}"><sheets>&b;</sheets></workbook>""")));
        yield return ("a duplicate row number", Rows(HostileWorkbook.Row("2", 1) + HostileWorkbook.Row("2", 2)));
        yield return ("a decreasing row number", Rows(HostileWorkbook.Row("3", 1) + HostileWorkbook.Row("2", 2)));
        yield return ("row r past int.MaxValue", Rows(HostileWorkbook.Row("2147483648", 1)));
        yield return ("row r past Excel's last row", Rows(HostileWorkbook.Row("1048577", 1)));
        yield return ("row r not a number", Rows(HostileWorkbook.Row("-2", 1)));
        yield return ("a duplicate cell reference", Rows("""<row r="2"><c r="A2"><v>1</v></c><c r="A2"><v>2</v></c></row>"""));
        yield return ("a decreasing cell reference", Rows("""<row r="2"><c r="B2"><v>1</v></c><c r="A2"><v>2</v></c></row>"""));
        yield return ("a cell past column XFD", Rows("""<row r="2"><c r="XFE2"><v>1</v></c></row>"""));
        yield return ("a cell reference of 40 letters", Rows($"""<row r="2"><c r="{new string('Z', 40)}2"><v>1</v></c></row>"""));
    }

    private static byte[] Rows(string rows) => HostileWorkbook.Create(w => w.Write(HostileWorkbook.Header + rows));
}
