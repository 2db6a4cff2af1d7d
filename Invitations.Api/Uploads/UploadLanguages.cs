using Microsoft.Net.Http.Headers;

namespace Invitations.Api.Uploads;

public static class UploadLanguages
{
    public static UploadLanguage From(HttpRequest request)
    {
        var preferred = request.GetTypedHeaders().AcceptLanguage
            .Where(l => (l.Quality ?? 1) > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? string.Empty);
        foreach (var language in preferred)
        {
            if (language.StartsWith("tr", StringComparison.OrdinalIgnoreCase))
            {
                return UploadLanguage.Turkish;
            }

            if (language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return UploadLanguage.English;
            }
        }

        return UploadLanguage.English;
    }
}
