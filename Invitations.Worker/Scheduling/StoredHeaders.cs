using Invitations.Data.Scheduling;
using MassTransit;

namespace Invitations.Worker.Scheduling;

/// <summary>The stored headers, read by the deserializer when it rebuilds the envelope.</summary>
internal sealed class StoredHeaders(StoredEnvelope envelope) : Headers
{
    public IEnumerable<KeyValuePair<string, object>> GetAll() =>
        envelope.Headers
            .Select(h => (h.Key, Value: ForwardScheduledMessagePipe.ToHeaderValue(h.Value)))
            .Where(h => h.Value is not null)
            .Select(h => new KeyValuePair<string, object>(h.Key, h.Value!));

    public bool TryGetHeader(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out object? value)
    {
        value = envelope.Headers.TryGetValue(key, out var stored) ? ForwardScheduledMessagePipe.ToHeaderValue(stored) : null;
        return value is not null;
    }

    public T? Get<T>(string key, T? defaultValue = default)
        where T : class =>
        TryGetHeader(key, out var value) && value is T typed ? typed : defaultValue;

    public T? Get<T>(string key, T? defaultValue = default)
        where T : struct =>
        TryGetHeader(key, out var value) && value is T typed ? typed : defaultValue;

    public IEnumerator<HeaderValue> GetEnumerator() =>
        GetAll().Select(h => new HeaderValue(h.Key, h.Value)).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
