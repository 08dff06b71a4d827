using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FtEmu.Cpu;

/// <summary>
/// The interpreter: runs cached blocks of pre-decoded ops, keeping the retired-instruction count
/// exact. A block's count is added when it finishes; when an op stops the block early (syscall,
/// fault, self-modifying write) the count includes exactly the ops that retired.
/// </summary>
public sealed unsafe partial class Cpu
{
    private volatile bool _yieldRequested;

    /// <summary>
    /// Asks <see cref="Run"/> to return at the next block boundary. Safe from any thread; used by
    /// the host (e.g. to take a snapshot) and never changes what the guest computes.
    /// </summary>
    public void RequestYield() => _yieldRequested = true;

    /// <summary>
    /// Runs until the guest halts or exactly <paramref name="stopAt"/> instructions have retired,
    /// whichever comes first. Returns true if the guest halted. The engine changes only the speed.
    /// </summary>
    public bool Run(ulong stopAt = ulong.MaxValue) => Engine == CpuEngine.Jit ? RunJit(stopAt) : RunInterpreter(stopAt);

    private bool RunInterpreter(ulong stopAt)
    {
        CpuState* s = State;
        while (!Halted && s->InstructionCount < stopAt)
        {
            if (_yieldRequested)
            {
                _yieldRequested = false;
                break;
            }
            Interpret(Blocks.Get(s->Rip), stopAt);
        }
        return Halted;
    }

    /// <summary>Interprets <paramref name="block"/> (or its first stopAt - count ops) from its first op.</summary>
    private void Interpret(Block block, ulong stopAt)
    {
        CpuState* s = State;
        DecodedOp[] ops = block.Ops;
        int n = ops.Length;
        ulong left = stopAt - s->InstructionCount;
        if ((ulong)n > left) n = (int)left;
        int i = 0;
        try
        {
            ref DecodedOp first = ref MemoryMarshal.GetArrayDataReference(ops);
            for (; i < n; i++)
            {
                ref DecodedOp op = ref Unsafe.Add(ref first, i);
                s->Rip = op.NextIp;
                op.Exec(this, ref op);
                if (StopRequested)
                {
                    StopRequested = false;
                    i++;
                    break;
                }
            }
            s->InstructionCount += (ulong)i;
        }
        catch (GuestFault fault)
        {
            DeliverFault(ops, i, fault);
        }
    }

    /// <summary>Op <paramref name="i"/> of a block faulted: it has not retired, so RIP and the count point at it.</summary>
    private void DeliverFault(DecodedOp[] ops, int i, GuestFault fault)
    {
        CpuState* s = State;
        StopRequested = false;
        s->InstructionCount += (ulong)i;
        s->Rip = ops[i].Ip;
        // A non-canonical address through RSP or RBP refers to the stack segment: #SS, which
        // Linux reports as SIGBUS, where the same address through another base is #GP (SIGSEGV).
        if (fault.NonCanonical && ops[i].Base is Reg.Rsp or Reg.Rbp && ops[i].HasMemoryOperand)
            fault = new GuestFault(GuestFault.SIGBUS, GuestFault.SI_KERNEL, 0);
        Environment.Fault(this, fault);
    }
}
