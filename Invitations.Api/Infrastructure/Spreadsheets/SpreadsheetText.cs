using System.Text;

namespace Invitations.Api.Infrastructure.Spreadsheets;

/// <summary>
/// Every text cell we export (results, validation reports) goes through here. A spreadsheet reads a cell as a
/// formula when it opens with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (tab and CR too); a CSV opened with another
/// list separator than the one it was written with (tr-TR Excel splits on <c>;</c>), or text pasted into a sheet,
/// starts a new cell after every <c>,</c> <c>;</c> tab or line break. So each place that could start a cell and then
/// opens a formula gets a quote before it and is shown as text (CSV/formula injection, OWASP):
/// <c>Acme Ltd;=2+3;</c> becomes <c>Acme Ltd;'=2+3;</c>.
/// </summary>
public static class SpreadsheetText
{
    public static string Neutralize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        StringBuilder? neutral = null;
        var cellStart = true;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (cellStart && c is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                neutral ??= new StringBuilder(value, 0, i, value.Length + 8);
                neutral.Append('\'');
            }

            neutral?.Append(c);

            // A new cell may start after a separator, and the spaces a spreadsheet trims before its value.
            cellStart = c is ',' or ';' or '\t' or '\n' or '\r' || (cellStart && c == ' ');
        }

        return neutral?.ToString() ?? value;
    }
}
