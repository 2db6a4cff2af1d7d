using Invitations.Api.Uploads.Parsing.Xlsx;

namespace Invitations.Api.Uploads.Parsing.Xlsb;

/// <summary>
/// The cell styles (BrtXF indexes within BrtBeginCellXFs) whose number format is a date, as <see cref="XlsxDateStyles"/>
/// finds them in styles.xml: built-in date formats, and custom ones (BrtFmt) with d, m or y as a format letter.
/// </summary>
internal static class XlsbDateStyles
{
    /// <summary>Format codes are short (<c>dd.mm.yyyy;@</c>); past this they are cut, which only loses letters after it.</summary>
    private const int MaxFormatCode = 255;

    public static HashSet<int> Read(XlsxPackage package, string? path)
    {
        var dates = new HashSet<int>();
        using var reader = path is null ? null : XlsbSheetReader.OpenPart(package, path);
        if (reader is null)
        {
            return dates;
        }

        var custom = new HashSet<int>();
        var inCellFormats = false;
        var index = 0;
        while (reader.Next())
        {
            switch (reader.Type)
            {
                case XlsbRecords.Fmt:
                    var id = reader.UInt16();
                    if (XlsxDateStyles.IsDateFormat(reader.WideString(MaxFormatCode)))
                    {
                        custom.Add(id);
                    }

                    break;
                case XlsbRecords.BeginCellXfs:
                    inCellFormats = true;
                    break;
                case XlsbRecords.EndCellXfs:
                    inCellFormats = false;
                    break;
                case XlsbRecords.Xf when inCellFormats:
                    reader.UInt16();
                    var format = reader.UInt16();
                    if (XlsxDateStyles.IsBuiltInDate(format) || custom.Contains(format))
                    {
                        dates.Add(index);
                    }

                    index++;
                    break;
            }
        }

        return dates;
    }
}
