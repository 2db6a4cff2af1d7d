namespace Invitations.Benchmarks.Readers;

/// <summary>
/// One file of the comparison: its group (corpus, hostile, size), the dealer rows it holds (null for a hostile file,
/// which should be refused), and the file whose emails the readers' are checked against (itself, or an .xlsb's .xlsx twin).
/// </summary>
public sealed record ReaderCase(string Group, string Name, string Path, int? ExpectedDealers, int MaxRows, int Repeat, string? ReferencePath = null);
