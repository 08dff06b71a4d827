using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>SYSCALL, CPUID, RDTSC/RDTSCP: the instructions that reach outside the CPU.</summary>
public static unsafe partial class Inst
{
    private static void RegisterSystem(OpcodeRegistry r)
    {
        r.Add(Mnemonic.Syscall, &Syscall);
        r.Add(Mnemonic.Cpuid, &Cpuid);
        r.Add(Mnemonic.Rdtsc, &Rdtsc);
        // The OS or the boundary may change anything; later instructions must see it.
        r.EndBlockAfter(Code.Rdtsc);
    }

    public static void Syscall(Cpu cpu, ref DecodedOp op)
    {
        // As on hardware: RCX gets the return address and R11 the flags.
        cpu.Gpr(Reg.Rcx) = op.NextIp;
        cpu.Gpr(Reg.R11) = cpu.Rflags;
        cpu.Environment.Syscall(cpu);
    }

    public static void Cpuid(Cpu cpu, ref DecodedOp op)
    {
        var (a, b, c, d) = CpuidModel.Query((uint)cpu.Gpr(Reg.Rax), (uint)cpu.Gpr(Reg.Rcx));
        cpu.Gpr(Reg.Rax) = a;
        cpu.Gpr(Reg.Rbx) = b;
        cpu.Gpr(Reg.Rcx) = c;
        cpu.Gpr(Reg.Rdx) = d;
    }

    public static void Rdtsc(Cpu cpu, ref DecodedOp op)
    {
        ulong tsc = cpu.Environment.ReadTimestampCounter(cpu);
        cpu.Gpr(Reg.Rax) = (uint)tsc;
        cpu.Gpr(Reg.Rdx) = tsc >> 32;
    }
}
