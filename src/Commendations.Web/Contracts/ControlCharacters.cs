namespace Commendations.Web.Contracts;

/// <summary>
/// Text a person can type has no control characters except tab and line breaks. NUL in particular is refused by
/// PostgreSQL (a 500 before this check), and the others are invisible tricks in names, comments and searches.
/// </summary>
public static class ControlCharacters
{
    public static bool Contains(string? text)
    {
        if (text is null)
            return false;
        foreach (var c in text)
        {
            if (IsRefused(c))
                return true;
        }
        return false;
    }

    private static bool IsRefused(char c) =>
        (c < ' ' && c is not '\t' and not '\n' and not '\r') || c == '\u007f' || c is '\ufffe' or '\uffff';
}
