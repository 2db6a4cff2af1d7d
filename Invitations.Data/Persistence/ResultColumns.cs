using System.Data.Common;

namespace Invitations.Data.Persistence;

/// <summary>
/// The current result set's columns, found by name: code that reads a hand-written statement asks for each
/// column by the name the SQL gives it (aliased wherever two tables share one), never by position, so adding
/// or moving a column in a SELECT list shifts nothing. Resolve once per result set, before the first row; the
/// handles it gives read a row's value by the ordinal found then, at no cost per row. A name the statement does
/// not return, or returns twice, fails at once with the columns it does return.
/// </summary>
public sealed class ResultColumns
{
    private const int Ambiguous = -1;

    private readonly DbDataReader _reader;
    private readonly Dictionary<string, int> _ordinals;

    public ResultColumns(DbDataReader reader)
    {
        _reader = reader;
        _ordinals = new Dictionary<string, int>(reader.FieldCount, StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var name = reader.GetName(i);
            _ordinals[name] = _ordinals.ContainsKey(name) ? Ambiguous : i;
        }
    }

    /// <summary>The names the result set returns, in its order.</summary>
    public IEnumerable<string> Names => Enumerable.Range(0, _reader.FieldCount).Select(_reader.GetName);

    /// <summary>A column that is never NULL; reading a NULL from it throws.</summary>
    public Column<T> Required<T>(string name)
        where T : notnull => new(_reader, Ordinal(name));

    /// <summary>A value-type column that may be NULL.</summary>
    public NullableColumn<T> Nullable<T>(string name)
        where T : struct => new(_reader, Ordinal(name));

    /// <summary>A reference-type column (text, arrays) that may be NULL.</summary>
    public OptionalColumn<T> Optional<T>(string name)
        where T : class => new(_reader, Ordinal(name));

    /// <summary>A text column holding an enum's member name, never NULL.</summary>
    public EnumColumn<T> Enum<T>(string name)
        where T : struct, Enum => new(_reader, Ordinal(name));

    public int Ordinal(string name) => _ordinals.TryGetValue(name, out var ordinal)
        ? ordinal == Ambiguous
            ? throw new InvalidOperationException($"The statement returns more than one column named '{name}': alias them ({string.Join(", ", Names)}).")
            : ordinal
        : throw new InvalidOperationException($"The statement returns no column named '{name}' ({string.Join(", ", Names)}).");
}

/// <summary>A non-NULL column of a result set, by the ordinal its name had.</summary>
public readonly struct Column<T>(DbDataReader reader, int ordinal)
    where T : notnull
{
    public T Value => reader.GetFieldValue<T>(ordinal);
}

/// <summary>A value-type column that may be NULL.</summary>
public readonly struct NullableColumn<T>(DbDataReader reader, int ordinal)
    where T : struct
{
    public T? Value => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
}

/// <summary>A reference-type column that may be NULL.</summary>
public readonly struct OptionalColumn<T>(DbDataReader reader, int ordinal)
    where T : class
{
    public T? Value => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
}

/// <summary>A text column holding an enum member's name.</summary>
public readonly struct EnumColumn<T>(DbDataReader reader, int ordinal)
    where T : struct, Enum
{
    public T Value => System.Enum.Parse<T>(reader.GetString(ordinal));
}
