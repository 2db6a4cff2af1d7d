namespace Invitations.Testing;

/// <summary>Ids that do not collide between tests sharing one database.</summary>
public static class TestIds
{
    private static long _next = Random.Shared.NextInt64(1_000_000, 1_000_000_000) * 1000;

    public static long NewSponsorId() => Interlocked.Increment(ref _next);
}
