namespace Invitations.Benchmarks.Readers;

/// <summary>
/// What one reader made of one file: read (dealer rows after our mapper, their emails), refused (the exception), or,
/// set by the parent, crashed (the process died) or ran long (killed at the timeout).
/// </summary>
public sealed record ReaderResult(string Outcome, int Dealers, string Emails, double Milliseconds, double AllocatedMb, double PeakRssMb, string? Message);
