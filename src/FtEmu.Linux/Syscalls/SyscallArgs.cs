namespace FtEmu.Linux;

/// <summary>The six raw syscall arguments (RDI, RSI, RDX, R10, R8, R9).</summary>
public readonly record struct SyscallArgs(ulong A0, ulong A1, ulong A2, ulong A3, ulong A4, ulong A5)
{
    public ulong this[int i] => i switch { 0 => A0, 1 => A1, 2 => A2, 3 => A3, 4 => A4, _ => A5 };
}

/// <summary>A syscall handler: returns the value for RAX (negative errno on failure).</summary>
public delegate long SyscallHandler(LinuxProcess process, in SyscallArgs args);

/// <summary>
/// One row of the syscall table. <see cref="Signature"/> drives strace output: one letter per
/// argument — d signed int, u unsigned, x hex, p pointer, s path/string in, b buffer out (shown
/// from the result), B buffer in (length in the next argument), f open flags, m mode (octal),
/// a AT_* dirfd, l signed 64-bit (offsets), w lseek whence, k access(2) mode, A AT_* flags, S signal,
/// h sigprocmask how, c clock id, F fcntl command, i ioctl request, P int[2] filled by the call (pipe).
/// </summary>
public sealed record SyscallDef(int Number, string Name, SyscallHandler Handler, string Signature);
