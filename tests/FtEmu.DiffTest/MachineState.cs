namespace FtEmu.DiffTest;

/// <summary>
/// What one side observed after the case: the state at the int3 that follows the instruction, or
/// at the fault the instruction raised (then <see cref="Signal"/> is not 0).
/// </summary>
public sealed class MachineState
{
    /// <summary>0 when the instruction completed, else the signal it raised (SIGSEGV, SIGFPE, ...).</summary>
    public int Signal;
    public int SiCode;
    public ulong FaultAddress;
    public ulong[] Gpr { get; } = new ulong[DiffCase.GprCount];
    public ulong Rip;
    public ulong Rflags;
    public byte[] Fx { get; } = new byte[DiffCase.FxSize];
    public byte[] Data { get; } = new byte[Layout.DataSize];
}
