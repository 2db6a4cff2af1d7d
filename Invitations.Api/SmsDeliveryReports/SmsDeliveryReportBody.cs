namespace Invitations.Api.SmsDeliveryReports;

/// <summary>The raw body (the signature covers its exact bytes), read up to a bound.</summary>
public static class SmsDeliveryReportBody
{
    /// <summary>Null when the body is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var buffer = new byte[maxBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        return read > maxBytes ? null : buffer[..read];
    }
}
