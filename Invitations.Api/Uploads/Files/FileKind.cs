namespace Invitations.Api.Uploads.Files;

public enum FileKind
{
    /// <summary>Office Open XML: .xlsx, .xlsm, Strict Open XML.</summary>
    Xlsx,

    /// <summary>Excel Binary Workbook: the same OPC zip with BIFF12 parts (xl/workbook.bin).</summary>
    Xlsb,

    /// <summary>Excel 97-2003, a compound document with a Workbook stream.</summary>
    Xls,
    Csv,
}
