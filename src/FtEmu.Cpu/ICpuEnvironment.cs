namespace FtEmu.Cpu;

/// <summary>
/// What the CPU needs from the world around it: the guest operating system for SYSCALL and
/// synchronous faults, and the non-determinism boundary for RDTSC. The CPU itself reads nothing else.
/// </summary>
public interface ICpuEnvironment
{
    /// <summary>Handles SYSCALL. RIP already points after the instruction.</summary>
    void Syscall(Cpu cpu);

    /// <summary>Delivers a synchronous fault; RIP points at the faulting instruction, which has not retired.</summary>
    void Fault(Cpu cpu, GuestFault fault);

    /// <summary>The value RDTSC/RDTSCP returns: an input from outside, recorded at the boundary.</summary>
    ulong ReadTimestampCounter(Cpu cpu);
}
