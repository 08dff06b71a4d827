namespace FtEmu.Tests.Lockstep;

/// <summary>
/// The fault-injection tests depend on heartbeats arriving within 300 ms, so they run on their own,
/// not alongside the CPU-heavy differential tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LockstepCollection
{
    public const string Name = "lockstep processes";
}
