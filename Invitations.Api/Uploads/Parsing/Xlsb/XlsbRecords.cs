namespace Invitations.Api.Uploads.Parsing.Xlsb;

/// <summary>The BIFF12 record types read ([MS-XLSB] 2.3.2); every other record is skipped unread.</summary>
internal static class XlsbRecords
{
    public const int RowHdr = 0;
    public const int CellBlank = 1;
    public const int CellRk = 2;
    public const int CellError = 3;
    public const int CellBool = 4;
    public const int CellReal = 5;
    public const int CellSt = 6;
    public const int CellIsst = 7;
    public const int FmlaString = 8;
    public const int FmlaNum = 9;
    public const int FmlaBool = 10;
    public const int FmlaError = 11;

    /// <summary>
    /// BrtShortBlank (12) .. BrtShortIsst (18): BrtCellBlank .. BrtCellIsst without the column, which is the one after
    /// the row's previous cell (Excel and SheetJS write them for runs of adjacent cells).
    /// </summary>
    public const int ShortBlank = 12;
    public const int ShortIsst = 18;
    public const int ShortOffset = ShortBlank - CellBlank;

    public const int SstItem = 19;
    public const int Fmt = 44;
    public const int Xf = 47;
    public const int CellRString = 62;
    public const int EndSheetData = 146;
    public const int BundleSh = 156;
    public const int BeginCellXfs = 617;
    public const int EndCellXfs = 618;
}
