namespace Invitations.ServiceDefaults.Tests.Messaging;

public sealed record DatabaseProbe
{
    public required Guid Id { get; init; }
}
