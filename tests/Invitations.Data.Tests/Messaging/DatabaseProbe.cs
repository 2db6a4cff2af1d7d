namespace Invitations.Data.Tests.Messaging;

public sealed record DatabaseProbe
{
    public required Guid Id { get; init; }
}
