using FtEmu.Cpu;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FtEmu.Linux;

/// <summary>
/// One guest process and the Linux personality around it: the CPU, the address space, the
/// descriptor table, the working directory, signal state, and the syscall dispatcher.
/// Everything it computes depends only on the guest and on what <see cref="Host"/> returns.
/// </summary>
public sealed partial class LinuxProcess : ICpuEnvironment, IDisposable
{
    // Created on the first unknown syscall: HashSet<ulong> is not precompiled, and most runs never need it.
    private HashSet<ulong>? _reportedUnknown;
    private readonly HashSet<string> _warnings = new(StringComparer.Ordinal);

    /// <summary>Logs a warning the first time it occurs in this process.</summary>
    public void WarnOnce(string message)
    {
        if (_warnings.Add(message)) Logger.LogWarning("{Warning}", message);
    }

    public LinuxProcess(ProcessOptions options, IHostBoundary host, ILogger? logger = null)
    {
        Options = options;
        Host = host;
        Logger = logger ?? NullLogger.Instance;
        Memory = new GuestMemory();
        Cpu = new Cpu.Cpu(Memory, this);
        Cpu.Configure(options.Engine);
        AddressSpace = new AddressSpace(Memory);
        Paths = new GuestPaths(this, options.Root);
        Cwd = options.WorkingDirectory;
    }

    public ProcessOptions Options { get; }
    public IHostBoundary Host { get; set; }
    public ILogger Logger { get; }
    public Cpu.Cpu Cpu { get; }
    public GuestMemory Memory { get; }
    public AddressSpace AddressSpace { get; }
    public FileDescriptorTable Files { get; } = new();
    public GuestPaths Paths { get; }
    public SignalState Signals { get; } = new();
    /// <summary>Absolute guest path of the working directory.</summary>
    public string Cwd { get; set; }
    public uint Umask { get; set; } = 0x12; // 022
    public ulong ClearChildTid { get; set; }
    public ulong RobustList { get; set; }
    /// <summary>Exit status once <see cref="Exited"/>; a signal death is 128+signal.</summary>
    public int ExitCode { get; private set; }
    public int TerminatingSignal { get; private set; }
    public bool Exited => Cpu.Halted;
    /// <summary>strace-style output of every syscall, or null.</summary>
    public TextWriter? Strace { get; set; }

    /// <summary>Loads the program and builds the initial stack; the CPU is then ready to run.</summary>
    public void Start()
    {
        var elf = ElfImage.Parse(Options.Image, Options.ExecPath);
        var image = ElfLoader.Load(elf, Memory);
        foreach (var h in elf.ProgramHeaders)
        {
            if (h.Type != ElfImage.PT_LOAD || h.MemorySize == 0) continue;
            ulong start = (h.VirtualAddress + image.LoadBias) & ~GuestMemory.PageMask;
            ulong end = AddressSpace.PageAlign(h.VirtualAddress + image.LoadBias + h.MemorySize);
            AddressSpace.Track(start, end, Options.ExecPath);
        }
        AddressSpace.SetBrkStart(image.BrkStart);
        Span<byte> random = stackalloc byte[16];
        Host.GetRandomBytes(random);
        var id = Host.GetIdentity();
        ulong sp = InitialStack.Build(Memory, image, Options.Argv, Options.Envp, Options.ExecPath, random, id);
        AddressSpace.Track(InitialStack.StackTop - InitialStack.StackSize, InitialStack.StackTop, "[stack]");
        Files.Add(new HostFile(0, "", false, false) { Flags = LinuxConstants.O_RDONLY, GuestPath = "/dev/stdin" });
        Files.Add(new HostFile(1, "", false, false) { Flags = LinuxConstants.O_WRONLY, GuestPath = "/dev/stdout" });
        Files.Add(new HostFile(2, "", false, false) { Flags = LinuxConstants.O_WRONLY, GuestPath = "/dev/stderr" });
        Cpu.Gpr(Reg.Rsp) = sp;
        Cpu.Rip = image.Entry;
    }

    /// <summary>Runs until the guest exits or <paramref name="stopAt"/> instructions have retired.</summary>
    public bool Run(ulong stopAt = ulong.MaxValue) => Cpu.Run(stopAt);

    public void Exit(int status)
    {
        ExitCode = status & 0xFF;
        Cpu.Halted = true;
        Cpu.StopRequested = true;
    }

    /// <summary>Ends the process as if killed by <paramref name="signal"/>.</summary>
    public void KillBySignal(int signal)
    {
        TerminatingSignal = signal;
        ExitCode = 128 + signal;
        Cpu.Halted = true;
        Cpu.StopRequested = true;
    }

    // ---- ICpuEnvironment ----

    public void Syscall(Cpu.Cpu cpu)
    {
        ulong nr = cpu.Gpr(Reg.Rax);
        var args = new SyscallArgs(cpu.Gpr(Reg.Rdi), cpu.Gpr(Reg.Rsi), cpu.Gpr(Reg.Rdx), cpu.Gpr(Reg.R10), cpu.Gpr(Reg.R8), cpu.Gpr(Reg.R9));
        var def = SyscallTable.Lookup(nr);
        string? before = Strace != null && def != null ? SyscallFormatter.FormatCall(this, def, args) : null;
        long ret;
        if (def == null)
        {
            ret = -Errno.ENOSYS;
            if ((_reportedUnknown ??= new()).Add(nr)) Logger.LogWarning("unsupported syscall {Name} ({Number}) returns ENOSYS", SyscallNames.Name(nr), nr);
            if (Strace != null) before = $"{SyscallNames.Name(nr)}(0x{args.A0:x}, 0x{args.A1:x}, 0x{args.A2:x})";
        }
        else
        {
            ret = def.Handler(this, args);
        }
        if (Strace != null) Strace.WriteLine(SyscallFormatter.FormatResult(this, def, args, before!, ret));
        if (def?.Number == SyscallTable.RtSigreturn) return;
        if (!cpu.Halted) cpu.Gpr(Reg.Rax) = (ulong)ret;
        Signals.DeliverPending(this);
    }

    public void Fault(Cpu.Cpu cpu, GuestFault fault) => Signals.DeliverFault(this, fault);

    public ulong ReadTimestampCounter(Cpu.Cpu cpu) => Host.ReadTimestampCounter();

    public void Dispose()
    {
        Cpu.Dispose();
        Memory.Dispose();
    }
}
