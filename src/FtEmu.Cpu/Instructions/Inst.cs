namespace FtEmu.Cpu;

/// <summary>
/// Instruction semantics, one file per family (Inst*.cs). Every handler has the signature
/// <c>static void X(Cpu cpu, ref DecodedOp op)</c>; RIP already holds the next instruction's address.
/// </summary>
public static unsafe partial class Inst
{
    /// <summary>Registers every family's handlers; add a line here for a new family file.</summary>
    internal static void RegisterAll(OpcodeRegistry r)
    {
        RegisterDataMovement(r);
        RegisterAlu(r);
        RegisterFlow(r);
        RegisterSystem(r);
        RegisterShift(r);
        RegisterMulDiv(r);
        RegisterBit(r);
        RegisterString(r);
        RegisterAtomic(r);
        RegisterFlagOps(r);
        RegisterSse(r);
        RegisterSse3(r);
        RegisterSsse3(r);
        RegisterSse41(r);
        RegisterSse41Float(r);
        RegisterSse42String(r);
        RegisterPopcntCrc(r);
        RegisterBmi(r);
        RegisterAdxMovbe(r);
        RegisterX87(r);
        s_legacyXmmCodes = null; // only needed while registering
        s_legacyXmmStart = null;
    }

    /// <summary>Undefined or unsupported instruction: SIGILL at this instruction.</summary>
    public static void InvalidOpcode(Cpu cpu, ref DecodedOp op) =>
        throw new GuestFault(GuestFault.SIGILL, GuestFault.ILL_ILLOPN, op.Ip);

    /// <summary>Instruction bytes on an unmapped or non-executable page: SIGSEGV at that address.</summary>
    public static void FetchFault(Cpu cpu, ref DecodedOp op) =>
        throw GuestFault.Segv(op.Ip, cpu.Memory.IsMapped(op.Ip));
}
