using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>Instructions that only change RFLAGS bits: CLC, STC, CMC, CLD, STD; CLI/STI are privileged.</summary>
public static unsafe partial class Inst
{
    private static void RegisterFlagOps(OpcodeRegistry r)
    {
        r.Add(Mnemonic.Clc, &Clc);
        r.Add(Mnemonic.Stc, &Stc);
        r.Add(Mnemonic.Cmc, &Cmc);
        r.Add(Mnemonic.Cld, &Cld);
        r.Add(Mnemonic.Std, &Std);
        // IOPL is 0 for Linux user code, so these raise #GP (SIGSEGV) as on hardware.
        r.Add(Mnemonic.Cli, &PrivilegedInstruction);
        r.Add(Mnemonic.Sti, &PrivilegedInstruction);
    }

    public static void Clc(Cpu cpu, ref DecodedOp op) => cpu.SetFlags(RFlags.CF, 0);

    public static void Stc(Cpu cpu, ref DecodedOp op) => cpu.SetFlags(RFlags.CF, RFlags.CF);

    public static void Cmc(Cpu cpu, ref DecodedOp op) => cpu.SetFlags(RFlags.CF, cpu.CarryFlag ? 0 : RFlags.CF);

    // DF is not a status flag, so FlagsBase holds it exactly even while the status flags are lazy.
    public static void Cld(Cpu cpu, ref DecodedOp op) => cpu.State->FlagsBase &= ~RFlags.DF;

    public static void Std(Cpu cpu, ref DecodedOp op) => cpu.State->FlagsBase |= RFlags.DF;
}
