namespace Invitations.Api.Uploads.Parsing.Xlsx;

/// <summary>Column and row numbers from A1 references, either case (<c>a1</c> opens in Excel), within Excel's limits.</summary>
internal static class CellReference
{
    /// <summary>The column of <c>AB12</c> (28); null when the letters are missing or past XFD.</summary>
    public static int? Column(string reference)
    {
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            var upper = c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
            if (upper is < 'A' or > 'Z')
            {
                break;
            }

            if (++letters > 3)
            {
                return null;
            }

            column = (column * 26) + (upper - 'A' + 1);
        }

        return letters == 0 || column > SheetLimits.ExcelColumns ? null : column;
    }

    /// <summary>A row attribute: digits only, 1..1,048,576.</summary>
    public static int? Row(string value) =>
        value.Length is > 0 and <= 7 && value.All(char.IsAsciiDigit) && int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) is var row
            && row is >= 1 and <= SheetLimits.ExcelRows
            ? row
            : null;
}
