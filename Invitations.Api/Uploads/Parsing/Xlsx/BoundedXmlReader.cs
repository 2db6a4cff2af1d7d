using System.Text;
using System.Xml;

namespace Invitations.Api.Uploads.Parsing.Xlsx;

/// <summary>
/// A forward-only XmlReader over one package part that refuses the part past <see cref="SheetLimits"/>: nesting
/// depth, element count and characters (the XmlReader's own bound, which also stops a part whose zip entry
/// lies about its size), no DTD, no external anything; the parse's deadline is checked on every node.
/// Text is read in chunks and cut at a cap, so a megabyte text node never becomes a megabyte string.
/// </summary>
internal sealed class BoundedXmlReader : IDisposable
{
    private readonly XmlReader _reader;
    private readonly string _part;
    private readonly ParseBudget _budget;
    private readonly char[] _chunk = new char[4_096];
    private int _elements;

    public BoundedXmlReader(Stream stream, string part, ParseBudget budget)
    {
        _reader = XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = budget.Limits.MaxCharactersPerPart,
            MaxCharactersFromEntities = 1_024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        });
        _part = part;
        _budget = budget;
    }

    public XmlNodeType NodeType => _reader.NodeType;

    public string LocalName => _reader.LocalName;

    public int Depth => _reader.Depth;

    public bool IsEmptyElement => _reader.IsEmptyElement;

    public bool IsStart(string localName) => _reader.NodeType == XmlNodeType.Element && _reader.LocalName == localName;

    public bool Read()
    {
        _budget.Check();
        bool read;
        try
        {
            read = _reader.Read();
        }
        catch (XmlException ex)
        {
            // Also where the character bound lands; the message names neither cell nor content.
            throw ParseBudget.TooComplex(_part, ex.Message.Length <= 120 ? ex.Message : ex.Message[..120]);
        }

        if (read && _reader.NodeType == XmlNodeType.Element)
        {
            if (_reader.Depth > SheetLimits.MaxDepth)
            {
                throw ParseBudget.TooComplex(_part, $"XML nested deeper than {SheetLimits.MaxDepth}");
            }

            if (++_elements > _budget.Limits.MaxElementsPerPart)
            {
                throw ParseBudget.TooComplex(_part, $"more than {_budget.Limits.MaxElementsPerPart} XML elements");
            }
        }

        return read;
    }

    /// <summary>An attribute by its local name, whatever its prefix (<c>r:id</c>, Strict's namespaces).</summary>
    public string? Attribute(string localName)
    {
        if (!_reader.HasAttributes)
        {
            return null;
        }

        string? value = null;
        while (_reader.MoveToNextAttribute())
        {
            if (_reader.LocalName == localName)
            {
                value = _reader.Value;
                break;
            }
        }

        _reader.MoveToElement();
        return value;
    }

    /// <summary>Moves past the current element's subtree, node by node (every node still bounded).</summary>
    public void SkipElement()
    {
        if (_reader.NodeType != XmlNodeType.Element || _reader.IsEmptyElement)
        {
            return;
        }

        var depth = _reader.Depth;
        while (Read() && !(_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth))
        {
        }
    }

    /// <summary>
    /// Appends the text inside the current element to <paramref name="text"/>, up to <paramref name="cap"/> characters
    /// in all, and leaves the reader on its end; <paramref name="skip"/> names child elements whose text is not part of it.
    /// </summary>
    public void ReadText(StringBuilder text, int cap, string? skip = null)
    {
        if (_reader.NodeType != XmlNodeType.Element || _reader.IsEmptyElement)
        {
            return;
        }

        var depth = _reader.Depth;
        while (Read() && !(_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth))
        {
            if (skip is not null && _reader.NodeType == XmlNodeType.Element && _reader.LocalName == skip)
            {
                SkipElement();
            }
            else if (_reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                AppendChunks(text, cap);
            }
        }
    }

    public void Dispose() => _reader.Dispose();

    private int ReadChunk()
    {
        try
        {
            return _reader.ReadValueChunk(_chunk, 0, _chunk.Length);
        }
        catch (XmlException ex)
        {
            throw ParseBudget.TooComplex(_part, ex.Message.Length <= 120 ? ex.Message : ex.Message[..120]);
        }
    }

    private void AppendChunks(StringBuilder text, int cap)
    {
        int read;
        while ((read = ReadChunk()) > 0)
        {
            var room = cap - text.Length;
            if (room > 0)
            {
                text.Append(_chunk, 0, Math.Min(room, read));
            }

            _budget.Check();
        }
    }
}
