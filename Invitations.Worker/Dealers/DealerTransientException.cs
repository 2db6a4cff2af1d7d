namespace Invitations.Worker.Dealers;

/// <summary>A fault worth trying again later (SMS gateway 5xx or timeout, codes held by another transaction).</summary>
public sealed class DealerTransientException(string message, Exception? inner = null) : Exception(message, inner);
