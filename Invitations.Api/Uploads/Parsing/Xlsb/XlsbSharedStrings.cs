namespace Invitations.Api.Uploads.Parsing.Xlsb;

/// <summary>
/// The binary shared string table (BrtSSTItem records: a RichStr, whose text is kept and whose runs and phonetic
/// parts are skipped), bounded as <see cref="Xlsx.XlsxSharedStrings"/>: each string cut at the longest cell we keep,
/// the count the table's header claims never trusted, and reading stopped at <see cref="SheetLimits.MaxSharedStrings"/>
/// strings or <see cref="SheetLimits.MaxSharedStringCharacters"/> characters with the reason in <see cref="Overflow"/>.
/// </summary>
internal static class XlsbSharedStrings
{
    public static Xlsx.SharedStringTable Read(Xlsx.XlsxPackage package, string? path)
    {
        using var reader = path is null ? null : XlsbSheetReader.OpenPart(package, path);
        if (reader is null)
        {
            return Xlsx.SharedStringTable.None();
        }

        return Xlsx.SharedStringTable.Collect(
            package.Budget.Limits,
            () =>
            {
                while (reader.Next())
                {
                    if (reader.Type == XlsbRecords.SstItem)
                    {
                        return true;
                    }
                }

                return false;
            },
            () =>
            {
                reader.Byte();
                return reader.WideString(package.Budget.MaxKeptCellLength);
            });
    }
}
