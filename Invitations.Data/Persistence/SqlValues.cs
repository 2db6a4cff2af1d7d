namespace Invitations.Data.Persistence;

/// <summary>
/// Our enums as SQL literals, exactly as EF stores them: by name (<see cref="InvitationsDbContext"/>'s
/// conventions). The constant statements filter on status through these literals, not parameters: PostgreSQL
/// matches a partial index's predicate (<c>status = 'Pending'</c> on invitations and jobs) only against a
/// constant, so a parameter would lose the index in a generic plan. The text each statement sends, and so its
/// plan, is what it was when the names were typed in by hand. Statements built per call bind their values as
/// parameters instead.
/// </summary>
public static class SqlValues
{
    /// <summary><c>'Pending'</c> for <c>RowStatus.Pending</c>.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only a named member is stored.");
        }

        // Member names are identifiers: they never hold a quote to escape.
        return $"'{value}'";
    }

    /// <summary><c>('Pending', 'Skipped')</c>: a list for <c>IN</c>.</summary>
    public static string In<TEnum>(params TEnum[] values)
        where TEnum : struct, Enum =>
        "(" + string.Join(", ", values.Select(Of)) + ")";
}
