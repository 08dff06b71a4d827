using System.Diagnostics;
using System.Security.Cryptography;

namespace FtEmu.Linux;

/// <summary>
/// The live side of the boundary: answers every request from the real host through .NET APIs.
/// This is the only class in the Linux layer that reads the host clock, host randomness or host files.
/// </summary>
public sealed partial class LiveHost : IHostBoundary, IDisposable
{
    private readonly Stream _stdin;
    private readonly Stream _stdout;
    private readonly Stream _stderr;
    /// <summary>True when the standard streams are the process's console (so they may be terminals).</summary>
    private readonly bool _consoleStreams;

    public LiveHost(Stream? stdin = null, Stream? stdout = null, Stream? stderr = null)
    {
        _consoleStreams = stdin == null && stdout == null && stderr == null;
        _stdin = stdin ?? Console.OpenStandardInput();
        _stdout = stdout ?? Console.OpenStandardOutput();
        _stderr = stderr ?? Console.OpenStandardError();
    }

    // ---- Time, randomness, identity ----

    public Timespec GetTime(int clockId)
    {
        switch (clockId)
        {
            case 0: // CLOCK_REALTIME
            case 5: // CLOCK_REALTIME_COARSE
            case 11: // CLOCK_TAI
            {
                long ticks = DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks;
                return new Timespec(ticks / TimeSpan.TicksPerSecond, ticks % TimeSpan.TicksPerSecond * 100);
            }
            case 2: // CLOCK_PROCESS_CPUTIME_ID
            case 3: // CLOCK_THREAD_CPUTIME_ID
            {
                var t = Process.GetCurrentProcess().TotalProcessorTime;
                return new Timespec((long)t.TotalSeconds, t.Ticks % TimeSpan.TicksPerSecond * 100);
            }
            default: // MONOTONIC, MONOTONIC_RAW, MONOTONIC_COARSE, BOOTTIME
            {
                long ns = MonotonicNanoseconds();
                return new Timespec(ns / 1_000_000_000, ns % 1_000_000_000);
            }
        }
    }

    private static long MonotonicNanoseconds()
    {
        long ts = Stopwatch.GetTimestamp();
        return (long)((Int128)ts * 1_000_000_000 / Stopwatch.Frequency);
    }

    public Timespec GetClockResolution(int clockId) => new(0, clockId is 5 or 6 ? 4_000_000 : 1);

    /// <summary>A 3 GHz-rate counter derived from the host's monotonic clock.</summary>
    public ulong ReadTimestampCounter() => (ulong)MonotonicNanoseconds() * 3;

    /// <summary>
    /// The kernel's random source where there is one: RandomNumberGenerator on Linux goes through
    /// OpenSSL, whose libraries add about 5 MB to every run for the 16 bytes of AT_RANDOM.
    /// </summary>
    public void GetRandomBytes(Span<byte> buffer)
    {
        // Opened once: getrandom and guest reads of /dev/urandom come here too.
        _urandom ??= !OperatingSystem.IsWindows() && File.Exists("/dev/urandom")
            ? new FileStream("/dev/urandom", FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0)
            : Stream.Null;
        if (_urandom != Stream.Null) _urandom.ReadExactly(buffer);
        else RandomNumberGenerator.Fill(buffer);
    }

    /// <summary>The host's /dev/urandom, or Stream.Null where there is none; opened on first use.</summary>
    private Stream? _urandom;

    public ProcessIdentity GetIdentity()
    {
        uint uid = 0, gid = 0, euid = 0, egid = 0;
        int ppid = 1;
        if (!OperatingSystem.IsWindows())
        {
            uid = UnixNative.getuid();
            gid = UnixNative.getgid();
            euid = UnixNative.geteuid();
            egid = UnixNative.getegid();
            ppid = UnixNative.getppid();
        }
        return new ProcessIdentity(Environment.ProcessId, ppid, uid, gid, euid, egid);
    }

    public uint[] GetGroups() => OperatingSystem.IsWindows() ? Array.Empty<uint>() : UnixNative.Groups();

    public string GetHostName() => Environment.MachineName;

    public SystemInfo GetSystemInfo()
    {
        if (OperatingSystem.IsLinux() && LinuxMemoryInfo() is { } info) return info;
        var gc = GC.GetGCMemoryInfo();
        return new SystemInfo(Environment.TickCount64 / 1000, (ulong)gc.TotalAvailableMemoryBytes,
            (ulong)Math.Max(0, gc.TotalAvailableMemoryBytes - gc.MemoryLoadBytes), 1);
    }

    /// <summary>sysinfo's figures from the Linux host's /proc, so that they agree with what else the host reports.</summary>
    private static SystemInfo? LinuxMemoryInfo()
    {
        try
        {
            ulong total = 0, free = 0;
            foreach (var line in File.ReadLines("/proc/meminfo"))
            {
                if (line.StartsWith("MemTotal:", StringComparison.Ordinal)) total = Kilobytes(line);
                else if (line.StartsWith("MemFree:", StringComparison.Ordinal)) free = Kilobytes(line);
            }
            string uptime = File.ReadAllText("/proc/uptime");
            long seconds = (long)double.Parse(uptime.AsSpan(0, uptime.IndexOf(' ')), System.Globalization.CultureInfo.InvariantCulture);
            int processes = Directory.EnumerateDirectories("/proc").Count(d => char.IsAsciiDigit(Path.GetFileName(d)[0]));
            return new SystemInfo(seconds, total, free, (ushort)Math.Min(processes, ushort.MaxValue));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }

        static ulong Kilobytes(string line) => ulong.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim().TrimEnd("kB").Trim()) * 1024;
    }

    public long Sleep(Timespec duration)
    {
        var span = TimeSpan.FromTicks(duration.Seconds * TimeSpan.TicksPerSecond + duration.Nanoseconds / 100);
        if (span > TimeSpan.Zero) Thread.Sleep(span);
        return 0;
    }

    public string GetInitialDirectory() => Directory.GetCurrentDirectory();

    public void Dispose()
    {
        _stdout.Flush();
        _stderr.Flush();
        CloseAllFiles();
        _urandom?.Dispose();
    }
}
