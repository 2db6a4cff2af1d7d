using System.Globalization;
using Invitations.Testing.Sponsors;

namespace Invitations.Api.Tests.Uploads;

/// <summary>
/// An .xlsx of N dealers whose every text is a shared string, as Excel writes it: a unique email, phone (stored as
/// text), name, address and note per row, so the table holds 5 × N + 7 strings (20,000 rows: 100,007, past the
/// 100,000 the readers allowed when their bounds were fixed). Streamed part by part, so 20,000 rows cost no time.
/// </summary>
internal static class LongDealerList
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Header = "<si><t>Email</t></si><si><t>Phone</t></si><si><t>DealerName</t></si><si><t>Tier</t></si><si><t>Adres</t></si><si><t>Not</t></si><si><t>M</t></si>";

    public static byte[] Create(int dealers, string prefix) =>
        HostileWorkbook.Create(
            rows: w =>
            {
                w.Write("""<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>""");
                for (var i = 0; i < dealers; i++)
                {
                    var r = i + 2;
                    var s = 7 + (5 * i);
                    w.Write(string.Create(CultureInfo.InvariantCulture, $"""<row r="{r}"><c r="A{r}" t="s"><v>{s}</v></c><c r="B{r}" t="s"><v>{s + 1}</v></c><c r="C{r}" t="s"><v>{s + 2}</v></c><c r="D{r}" t="s"><v>6</v></c><c r="E{r}" t="s"><v>{s + 3}</v></c><c r="F{r}" t="s"><v>{s + 4}</v></c></row>"""));
                }
            },
            sharedStrings: w =>
            {
                w.Write(string.Create(CultureInfo.InvariantCulture, $"""<sst xmlns="{Main}" count="{(5 * dealers) + 7}" uniqueCount="{(5 * dealers) + 7}">"""));
                w.Write(Header);
                for (var i = 0; i < dealers; i++)
                {
                    w.Write(string.Create(CultureInfo.InvariantCulture, $"<si><t>{prefix}.{i}@ornek.com</t></si><si><t>0532 {1_000_000 + i:000 00 00}</t></si><si><t>Bayi {prefix} {i}</t></si><si><t>Atatürk Cd. No {i}, Kadıköy</t></si><si><t>Sipariş {i}</t></si>"));
                }

                w.Write("</sst>");
            });
}
