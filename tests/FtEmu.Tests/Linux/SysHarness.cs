using Xunit;
using System.Buffers.Binary;
using System.Text;
using FtEmu.Cpu;
using FtEmu.Linux;

namespace FtEmu.Tests.Linux;

/// <summary>
/// A guest process that is never started: syscall handlers run against it directly, with a scratch
/// area of guest memory for their string and struct arguments, and a fresh host directory to work in.
/// </summary>
public sealed class SysHarness : IDisposable
{
    public const ulong Scratch = 0x10000000;
    private const ulong ScratchSize = 1 << 20;
    private ulong _next = Scratch;

    public SysHarness(bool useRoot = false)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("ftemu-sys-").FullName;
        Stdout = new MemoryStream();
        Host = new LiveHost(new MemoryStream(), Stdout, new MemoryStream());
        Process = new LinuxProcess(new ProcessOptions
        {
            Image = Array.Empty<byte>(),
            ExecPath = "/bin/guest",
            Argv = new[] { "/bin/guest" },
            Envp = Array.Empty<string>(),
            Root = useRoot ? Directory : null,
            WorkingDirectory = useRoot ? "/" : Directory,
        }, Host);
        Process.Memory.Map(Scratch, ScratchSize, Protection.Read | Protection.Write);
    }

    /// <summary>The host directory (also the guest root when the harness uses one).</summary>
    public string Directory { get; }
    public MemoryStream Stdout { get; }
    public LiveHost Host { get; }
    public LinuxProcess Process { get; }

    /// <summary>Guest path of a name inside <see cref="Directory"/>.</summary>
    public string G(string name) => Process.Paths.Root != null ? "/" + name : Path.Combine(Directory, name);

    /// <summary>Places a NUL-terminated string in guest memory.</summary>
    public ulong Str(string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s + "\0");
        ulong at = Alloc(bytes.Length);
        Process.Memory.TryWrite(at, bytes);
        return at;
    }

    public ulong Alloc(int size)
    {
        ulong at = _next;
        _next = (_next + (ulong)size + 15) & ~15UL;
        if (_next > Scratch + ScratchSize) throw new InvalidOperationException("scratch exhausted");
        var zero = new byte[size];
        Process.Memory.TryWrite(at, zero);
        return at;
    }

    public byte[] Bytes(ulong at, int n)
    {
        var b = new byte[n];
        Assert.True(Process.Memory.TryRead(at, b));
        return b;
    }

    public int I32(ulong at) => BinaryPrimitives.ReadInt32LittleEndian(Bytes(at, 4));
    public long I64(ulong at) => BinaryPrimitives.ReadInt64LittleEndian(Bytes(at, 8));

    /// <summary>Calls a syscall by its table name.</summary>
    public long Call(string name, params ulong[] args)
    {
        var def = SyscallTable.Rows.First(r => r.Name == name);
        var a = new ulong[6];
        args.CopyTo(a, 0);
        return def.Handler(Process, new SyscallArgs(a[0], a[1], a[2], a[3], a[4], a[5]));
    }

    public static ulong N(long v) => (ulong)v;

    public void Dispose()
    {
        Process.Dispose();
        Host.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
