namespace Invitations.Api.Infrastructure.Spreadsheets;

/// <summary>
/// Every text cell we export (results, validation reports) goes through here: a cell that a spreadsheet
/// would read as a formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab, CR) is prefixed with a quote
/// so it is shown as text (CSV/formula injection, OWASP).
/// </summary>
public static class SpreadsheetText
{
    public static string Neutralize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }
}
