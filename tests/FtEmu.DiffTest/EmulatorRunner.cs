using FtEmu.Cpu;
using Iced.Intel;

namespace FtEmu.DiffTest;

/// <summary>
/// The FtEmu side: one Cpu and GuestMemory with the harness's layout, reused for every case. Each
/// case rewrites the pages and clears the block cache (the code page changes every time), installs
/// the state and runs exactly one instruction.
/// </summary>
public sealed unsafe class EmulatorRunner : IDisposable, ICpuEnvironment
{
    private readonly GuestMemory _memory = new();
    private readonly FtEmu.Cpu.Cpu _cpu;
    private readonly byte[] _code = new byte[Layout.CodeSize];
    private readonly byte[] _data = new byte[Layout.DataSize];
    private GuestFault? _fault;

    public EmulatorRunner()
    {
        // Native's code page is RWX (the harness writes it), so FtEmu's is too.
        _memory.Map(Layout.CodeBase, Layout.CodeSize, Protection.All);
        _memory.Map(Layout.DataBase, Layout.DataSize, Protection.ReadWrite);
        _cpu = new FtEmu.Cpu.Cpu(_memory, this);
    }

    public MachineState Run(DiffCase c)
    {
        Load(_cpu, _memory, c, _code, _data);
        _fault = null;

        // A waiting form (FSTSW = WAIT + FNSTSW) is two instructions to a decoder, FtEmu's included.
        _cpu.Run(c.Code.ToOpCode().Fwait ? 2UL : 1UL);
        // Natively the case ends when the next instruction is fetched: a branch out of the code page
        // faults there. Fetch (but do not run) the next instruction the same way.
        if (_fault == null && !Layout.InCode(_cpu.Rip))
        {
            if (!_memory.TryGetProtection(_cpu.Rip, out var prot) || (prot & Protection.Exec) == 0)
                _fault = GuestFault.Segv(_cpu.Rip, _memory.IsMapped(_cpu.Rip));
        }

        var s = new MachineState();
        if (_fault != null)
        {
            s.Signal = _fault.Signal;
            s.SiCode = _fault.Code;
            s.FaultAddress = _fault.Address;
        }
        for (int i = 0; i < 16; i++) s.Gpr[i] = _cpu.Gpr(i);
        s.Rip = _cpu.Rip;
        s.Rflags = _cpu.Rflags;
        _cpu.FxSave(s.Fx);
        _memory.TryRead(Layout.DataBase, s.Data);
        return s;
    }

    /// <summary>
    /// Writes the case's code (followed by INT3s) and data pages through the given buffers, drops
    /// the decoded blocks and installs the case's registers, flags and FXSAVE state.
    /// </summary>
    public static void Load(FtEmu.Cpu.Cpu cpu, GuestMemory memory, DiffCase c, byte[] code, byte[] data)
    {
        Array.Fill(code, Layout.Int3);
        c.Bytes.CopyTo(code, 0);
        memory.WriteInitial(Layout.CodeBase, code);
        c.InitialData(data);
        memory.WriteInitial(Layout.DataBase, data);
        cpu.Blocks.Clear();
        cpu.Reset();
        for (int i = 0; i < 16; i++) cpu.Gpr(i) = c.Gpr[i];
        cpu.Rip = Layout.CodeBase;
        cpu.Rflags = c.Rflags;
        cpu.FxRestore(c.Fx);
        cpu.Halted = false;
        cpu.StopRequested = false;
    }

    void ICpuEnvironment.Syscall(FtEmu.Cpu.Cpu cpu) =>
        throw new DiffTestException("SYSCALL reached the emulator runner; it is excluded from generation");

    void ICpuEnvironment.Fault(FtEmu.Cpu.Cpu cpu, GuestFault fault)
    {
        _fault = fault;
        cpu.Halted = true;
    }

    ulong ICpuEnvironment.ReadTimestampCounter(FtEmu.Cpu.Cpu cpu) => 0;

    public void Dispose()
    {
        _cpu.Dispose();
        _memory.Dispose();
    }
}
