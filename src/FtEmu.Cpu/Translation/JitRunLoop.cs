namespace FtEmu.Cpu;

/// <summary>
/// The JIT engine's run loop. A compiled region runs only when its head block is exactly what the
/// interpreter would run: the remaining budget covers the whole block and no stop is pending (the
/// interpreter would end that block after its first op); the region checks the same before it
/// enters each further member. Otherwise the block is interpreted. Chaining: each exit of a
/// compiled region remembers the block it led to, so leaving to a block that is still valid skips
/// the block-cache lookup.
/// </summary>
public sealed unsafe partial class Cpu
{
    /// <summary>Index in its block of the compiled op that is running and may fault.</summary>
    internal int JitOpIndex;

    /// <summary>The stopAt of the running <see cref="Run"/>: a compiled loop iterates in place only within it.</summary>
    internal ulong JitStopAt;

    public CpuEngine Engine { get; set; } = CpuEngineOptions.Default.Engine;

    public JitCache Jit { get; } = new();

    /// <summary>Applies an engine choice and its tuning.</summary>
    public void Configure(CpuEngineOptions options)
    {
        Engine = options.Engine;
        Jit.Threshold = options.JitThreshold;
        Jit.Chaining = options.JitChaining;
        Jit.MaxRegionBlocks = options.JitMaxRegionBlocks;
        Jit.Background = options.JitBackground;
    }

    private bool RunJit(ulong stopAt)
    {
        CpuState* s = State;
        Block? prev = null;
        int exit = 0;
        bool chaining = Jit.Chaining, profiling = Jit.Profiling, profilingExits = Jit.ProfilingExits, interpretNext = false;
        JitStopAt = stopAt;
        while (!Halted && s->InstructionCount < stopAt)
        {
            if (_yieldRequested)
            {
                _yieldRequested = false;
                break;
            }
            if (Jit.HasFinished) Jit.InstallFinished();
            Block block = prev != null ? Successor(prev, exit, s->Rip) : Blocks.Get(s->Rip);
            JitBlockCode? code = block.Code;
            if (code != null && !interpretNext && !StopRequested && (ulong)block.CodeOps <= stopAt - s->InstructionCount)
            {
                JitRegion region = block.Region!; // the region may be dropped while it runs (a write to its code)
                Jit.RegionRuns++;
                region.Runs++;
                try
                {
                    exit = code(this);
                }
                catch (GuestFault fault)
                {
                    var (member, op) = region.Locate(JitOpIndex);
                    DeliverFault(member.Ops, op, fault);
                    prev = null;
                    continue;
                }
                if (exit == JitEmitter.MissExit)
                {
                    // It left at the op that missed the TLB, as it was when the op began: the interpreter runs it.
                    interpretNext = true;
                    Jit.ObserveMissExit(block, region, Blocks, s->InstructionCount);
                }
                StopRequested = false;
                prev = chaining ? block : null;
                if (profiling) Jit.ProfileRun(block);
                if (profilingExits) Jit.ProfileExit(block, s->Rip);
            }
            else
            {
                if (code == null) Jit.Observe(block, Blocks);
                Jit.InterpretedRuns++;
                Interpret(block, stopAt);
                interpretNext = false;
                prev = null;
            }
        }
        return Halted;
    }

    /// <summary>The block at <paramref name="rip"/>, from the chain slot of the exit just taken when it is still right.</summary>
    private Block Successor(Block prev, int exit, ulong rip)
    {
        Block?[] slots = prev.NextSlots; // empty once the translation was dropped
        if ((uint)exit >= (uint)slots.Length) return Blocks.Get(rip);
        Block? next = slots[exit];
        if (next != null && next.Valid && next.StartIp == rip) return next;
        next = Blocks.Get(rip);
        slots[exit] = next;
        return next;
    }
}
