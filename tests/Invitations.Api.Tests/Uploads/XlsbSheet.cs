namespace Invitations.Api.Tests.Uploads;

/// <summary>A worksheet part written record by record: rows (0-based in the file, given 1-based here) and their cells.</summary>
internal sealed class XlsbSheet
{
    private readonly MemoryStream _records = new();
    private bool _ended;

    public XlsbSheet()
    {
        XlsbFiles.Record(_records, 129, []);
        XlsbFiles.Record(_records, 145, []);
    }

    public XlsbSheet Row(int rowNumber)
    {
        var payload = new MemoryStream();
        XlsbFiles.UInt32(payload, (uint)(rowNumber - 1));
        payload.Write(new byte[13]);
        XlsbFiles.Record(_records, 0, payload.ToArray());
        return this;
    }

    public XlsbSheet Real(int column, double value, int style = 0) => Cell(5, column, p => p.Write(BitConverter.GetBytes(value)), style);

    public XlsbSheet Rk(int column, uint rk) => Cell(2, column, p => XlsbFiles.UInt32(p, rk));

    public XlsbSheet Inline(int column, string value) => Cell(6, column, p => XlsbFiles.WideString(p, value));

    public XlsbSheet Shared(int column, uint index) => Cell(7, column, p => XlsbFiles.UInt32(p, index));

    public XlsbSheet Blank(int column) => Cell(1, column, _ => { });

    public XlsbSheet Bool(int column, bool value) => Cell(4, column, p => p.WriteByte(value ? (byte)1 : (byte)0));

    public XlsbSheet FormulaString(int column, string value) => Cell(8, column, p =>
    {
        XlsbFiles.WideString(p, value);
        p.Write(new byte[10]);
    });

    /// <summary>BrtShortSt, BrtShortReal, BrtShortRk: the cell after the row's previous one, no column written.</summary>
    public XlsbSheet ShortInline(string value) => ShortCell(17, p => XlsbFiles.WideString(p, value));

    public XlsbSheet ShortReal(double value) => ShortCell(16, p => p.Write(BitConverter.GetBytes(value)));

    public XlsbSheet ShortRk(uint rk) => ShortCell(13, p => XlsbFiles.UInt32(p, rk));

    /// <summary>Any record, as it is given.</summary>
    public XlsbSheet Raw(byte[] bytes)
    {
        _records.Write(bytes);
        return this;
    }

    public byte[] ToArray()
    {
        if (!_ended)
        {
            XlsbFiles.Record(_records, 146, []);
            XlsbFiles.Record(_records, 130, []);
            _ended = true;
        }

        return _records.ToArray();
    }

    /// <summary>A cell record: column (0-based in the file, 1-based here), style, value.</summary>
    private XlsbSheet Cell(int type, int column, Action<MemoryStream> value, int style = 0)
    {
        var payload = new MemoryStream();
        XlsbFiles.UInt32(payload, (uint)(column - 1));
        XlsbFiles.UInt32(payload, (uint)style);
        value(payload);
        XlsbFiles.Record(_records, type, payload.ToArray());
        return this;
    }

    private XlsbSheet ShortCell(int type, Action<MemoryStream> value)
    {
        var payload = new MemoryStream();
        XlsbFiles.UInt32(payload, 0);
        value(payload);
        XlsbFiles.Record(_records, type, payload.ToArray());
        return this;
    }
}
