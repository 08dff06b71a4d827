namespace FtEmu.DiffTest;

/// <summary>A problem with the tester's set-up or input (bad arguments, no gcc, a dead harness): reported as one line.</summary>
public sealed class DiffTestException(string message) : Exception(message);
