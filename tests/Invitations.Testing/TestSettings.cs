namespace Invitations.Testing;

public static class TestSettings
{
    /// <summary>The JWT signing key every test Api uses (in-process or as a process).</summary>
    public const string SigningKey = "test-signing-key-0123456789-0123456789-abcdef";
}
