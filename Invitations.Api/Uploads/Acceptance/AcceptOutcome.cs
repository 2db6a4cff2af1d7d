namespace Invitations.Api.Uploads.Acceptance;

public enum AcceptOutcome
{
    /// <summary>A new job was stored with its rows and codes.</summary>
    Accepted,

    /// <summary>The same Idempotency-Key with the same file: the first job.</summary>
    Replayed,

    /// <summary>The same Idempotency-Key with another file.</summary>
    KeyReused,

    /// <summary>The same file without a key while its first job is still running.</summary>
    AlreadyRunning,

    /// <summary>Not enough codes in at least one tier; nothing was stored.</summary>
    NotEnoughCodes,
}
