using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Invitations.Api.Uploads.Parsing.Xlsb;

/// <summary>
/// A forward-only reader of one BIFF12 part's records ([MS-XLSB] 2.1.4: a type of 1–2 and a size of 1–4 bytes of
/// 7 bits each, then the payload), bounded as <see cref="Xlsx.BoundedXmlReader"/> bounds an XML part: records count
/// as elements and bytes as characters against <see cref="SheetLimits"/>, and the parse's deadline is checked on every
/// record. Every length is checked against what is left of the record (and a record's size against what is left of the
/// part as its zip entry declares it) before anything is read or allocated: a record that does not fit is corrupt. A
/// string is kept up to a cap and the rest of it skipped; the rest of a record nobody read is skipped unread.
/// </summary>
internal sealed class Biff12Reader : IDisposable
{
    private readonly Stream _stream;
    private readonly string _part;
    private readonly ParseBudget _budget;
    private readonly long _declared;
    private readonly byte[] _scratch = new byte[4_096];
    private long _consumed;
    private int _records;

    public Biff12Reader(ZipArchiveEntry entry, string part, ParseBudget budget)
    {
        _stream = new BufferedStream(entry.Open(), 16_384);
        _declared = entry.Length;
        _part = part;
        _budget = budget;
    }

    public string Part => _part;

    /// <summary>The current record's type.</summary>
    public int Type { get; private set; } = -1;

    /// <summary>Bytes of the current record's payload not read yet.</summary>
    public int Remaining { get; private set; }

    /// <summary>Moves to the next record, skipping what is left of this one; false at the part's end.</summary>
    public bool Next()
    {
        _budget.Check();
        Skip(Remaining);
        var first = _stream.ReadByte();
        if (first < 0)
        {
            Type = -1;
            return false;
        }

        _consumed++;
        var type = first & 0x7F;
        if ((first & 0x80) != 0)
        {
            var second = RequireByte();
            if ((second & 0x80) != 0)
            {
                throw Corrupt();
            }

            type |= second << 7;
        }

        var size = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift == 28)
            {
                throw Corrupt();
            }

            var b = RequireByte();
            size |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        if (size > _declared - _consumed)
        {
            throw Corrupt();
        }

        if (_consumed + size > _budget.Limits.MaxCharactersPerPart)
        {
            throw ParseBudget.TooComplex(_part, $"more than {_budget.Limits.MaxCharactersPerPart} bytes");
        }

        if (++_records > _budget.Limits.MaxElementsPerPart)
        {
            throw ParseBudget.TooComplex(_part, $"more than {_budget.Limits.MaxElementsPerPart} records");
        }

        Type = type;
        Remaining = size;
        return true;
    }

    public byte Byte()
    {
        Take(1);
        return _scratch[0];
    }

    public ushort UInt16()
    {
        Take(2);
        return BinaryPrimitives.ReadUInt16LittleEndian(_scratch);
    }

    public uint UInt32()
    {
        Take(4);
        return BinaryPrimitives.ReadUInt32LittleEndian(_scratch);
    }

    public double Double()
    {
        Take(8);
        return BinaryPrimitives.ReadDoubleLittleEndian(_scratch);
    }

    /// <summary>An XLWideString ([MS-XLSB] 2.5.168): a u32 character count, then UTF-16LE; kept up to <paramref name="cap"/> characters.</summary>
    public string WideString(int cap) => String(UInt32(), cap);

    /// <summary>An XLNullableWideString (2.5.166): as <see cref="WideString"/>, with 0xFFFFFFFF for null.</summary>
    public string? NullableWideString(int cap) => UInt32() is var count && count == uint.MaxValue ? null : String(count, cap);

    /// <summary>Skips <paramref name="bytes"/> of the current record.</summary>
    public void Skip(int bytes)
    {
        if (bytes > Remaining)
        {
            throw Corrupt();
        }

        Remaining -= bytes;
        while (bytes > 0)
        {
            var read = _stream.Read(_scratch, 0, Math.Min(bytes, _scratch.Length));
            if (read == 0)
            {
                throw Corrupt();
            }

            bytes -= read;
            _consumed += read;
        }
    }

    public UploadRejectedException Corrupt() => XlsbSheetReader.Corrupt();

    public void Dispose() => _stream.Dispose();

    private string String(uint count, int cap)
    {
        if (count > (uint)Remaining / 2)
        {
            throw Corrupt();
        }

        var kept = (int)Math.Min(count, (uint)cap);
        var text = string.Empty;
        if (kept > 0)
        {
            var bytes = kept * 2;
            var buffer = bytes <= _scratch.Length ? _scratch : new byte[bytes];
            Read(buffer, bytes);
            text = Encoding.Unicode.GetString(buffer, 0, bytes);
        }

        Skip(((int)count - kept) * 2);
        return text;
    }

    private void Take(int bytes)
    {
        if (bytes > Remaining)
        {
            throw Corrupt();
        }

        Read(_scratch, bytes);
    }

    private void Read(byte[] buffer, int bytes)
    {
        try
        {
            _stream.ReadExactly(buffer, 0, bytes);
        }
        catch (EndOfStreamException)
        {
            throw Corrupt();
        }

        Remaining -= bytes;
        _consumed += bytes;
    }

    private int RequireByte()
    {
        var b = _stream.ReadByte();
        if (b < 0)
        {
            throw Corrupt();
        }

        _consumed++;
        return b;
    }
}
