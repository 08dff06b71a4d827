using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FtEmu.Cpu;

/// <summary>
/// One guest CPU: its state in native memory, its memory, its block cache and the environment it
/// calls out to. Everything it computes is a function of its state, its memory and what the
/// environment returns; nothing here reads the host.
/// </summary>
public sealed unsafe partial class Cpu : IDisposable
{
    public readonly CpuState* State;

    public Cpu(GuestMemory memory, ICpuEnvironment environment)
    {
        State = (CpuState*)NativeMemory.AlignedAlloc((nuint)sizeof(CpuState), 64);
        NativeMemory.Clear(State, (nuint)sizeof(CpuState));
        Memory = memory;
        Environment = environment;
        Blocks = new BlockCache(memory, new BlockDecoder(memory));
        // Code that was just changed must not keep running from the stale block: end it after this instruction.
        memory.CodePageChanged += _ => StopRequested = true;
        Reset();
    }

    public GuestMemory Memory { get; }
    public ICpuEnvironment Environment { get; set; }
    public BlockCache Blocks { get; }

    /// <summary>Set by an instruction or the OS to end the current block right after the current instruction.</summary>
    public bool StopRequested;

    /// <summary>Set when the guest process has ended; the run loop returns.</summary>
    public bool Halted { get; set; }

    public ulong Rip
    {
        get => State->Rip;
        set => State->Rip = value;
    }

    public ulong InstructionCount => State->InstructionCount;

    /// <summary>Power-on values of the x86-64 user state, as Linux sets them up for a new process.</summary>
    public void Reset()
    {
        NativeMemory.Clear(State, (nuint)sizeof(CpuState));
        State->FlagsBase = RFlags.Reserved1 | RFlags.IF;
        State->Mxcsr = 0x1F80;
        State->FpuControl = 0x037F;
        State->FpuTag = 0xFFFF;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref ulong Gpr(int n) => ref State->Gpr[n];

    /// <summary>Reads a GPR operand of 1, 2, 4 or 8 bytes (n in 16..19 is AH..BH).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ReadGpr(int n, int size)
    {
        switch (size)
        {
            case 8: return State->Gpr[n];
            case 4: return (uint)State->Gpr[n];
            case 2: return (ushort)State->Gpr[n];
            default:
                return n < Reg.HighByteBase ? (byte)State->Gpr[n] : (byte)(State->Gpr[n - Reg.HighByteBase] >> 8);
        }
    }

    /// <summary>Writes a GPR operand with x86-64 rules: 32-bit writes zero the upper half, 8/16-bit writes merge.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteGpr(int n, int size, ulong value)
    {
        switch (size)
        {
            case 8: State->Gpr[n] = value; break;
            case 4: State->Gpr[n] = (uint)value; break;
            case 2: State->Gpr[n] = (State->Gpr[n] & ~0xFFFFUL) | (ushort)value; break;
            default:
                if (n < Reg.HighByteBase) State->Gpr[n] = (State->Gpr[n] & ~0xFFUL) | (byte)value;
                else
                {
                    ref ulong r = ref State->Gpr[n - Reg.HighByteBase];
                    r = (r & ~0xFF00UL) | ((ulong)(byte)value << 8);
                }
                break;
        }
    }

    /// <summary>Effective address of the memory operand of <paramref name="op"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong EffectiveAddress(ref DecodedOp op)
    {
        ulong a = op.Disp;
        if (op.Base != Reg.None) a += State->Gpr[op.Base];
        if (op.Index != Reg.None) a += State->Gpr[op.Index] << op.ScaleShift;
        if ((op.Prefix & OpPrefix.Address32) != 0) a = (uint)a;
        if (op.Segment != 0) a += op.Segment == 1 ? State->FsBase : State->GsBase;
        return a;
    }

    public void Push64(ulong value)
    {
        ulong sp = State->Gpr[Reg.Rsp] - 8;
        Memory.Write64(sp, value);
        State->Gpr[Reg.Rsp] = sp;
    }

    public ulong Pop64()
    {
        ulong sp = State->Gpr[Reg.Rsp];
        ulong v = Memory.Read64(sp);
        State->Gpr[Reg.Rsp] = sp + 8;
        return v;
    }

    public void Dispose()
    {
        NativeMemory.AlignedFree(State);
    }
}
