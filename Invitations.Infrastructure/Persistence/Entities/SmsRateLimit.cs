namespace Invitations.Infrastructure.Persistence.Entities;

/// <summary>
/// The SMS gateway's rate, shared by every Worker: the next free send slot. An acquisition of n
/// permits moves it n intervals on in one statement and waits, without a lock or a connection, for its slot.
/// </summary>
public sealed class SmsRateLimit
{
    public required string Name { get; set; }
    public DateTimeOffset NextSlotAt { get; set; }
}
