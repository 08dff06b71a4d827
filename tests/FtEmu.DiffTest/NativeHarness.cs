using System.Buffers.Binary;
using System.Diagnostics;

namespace FtEmu.DiffTest;

/// <summary>
/// The host side: native/harness.c, compiled with gcc next to the build output (rebuilt when the
/// source is newer), run as one child process that executes batches of cases on the real CPU.
/// </summary>
public sealed class NativeHarness : IDisposable
{
    private readonly Process _process;
    private readonly Stream _stdin;
    private readonly BufferedStream _stdout;
    private readonly System.Text.StringBuilder _stderr = new();

    private NativeHarness(Process process)
    {
        _process = process;
        _stdin = process.StandardInput.BaseStream;
        _stdout = new BufferedStream(process.StandardOutput.BaseStream, 1 << 20);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data != null) lock (_stderr) _stderr.AppendLine(e.Data);
        };
        process.BeginErrorReadLine();
    }

    public static NativeHarness Start()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture != System.Runtime.InteropServices.Architecture.X64)
            throw new DiffTestException("the differential tester needs an x86-64 Linux host");
        string exe = Build();
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var p = Process.Start(psi) ?? throw new DiffTestException($"cannot start {exe}");
        return new NativeHarness(p);
    }

    /// <summary>Compiles the harness if its binary is missing or older than the source; returns the binary's path.</summary>
    public static string Build()
    {
        string src = Path.Combine(AppContext.BaseDirectory, "native", "harness.c");
        if (!File.Exists(src)) throw new DiffTestException($"harness source not found: {src}");
        string exe = Path.Combine(AppContext.BaseDirectory, "native", "harness");
        if (File.Exists(exe) && File.GetLastWriteTimeUtc(exe) >= File.GetLastWriteTimeUtc(src)) return exe;
        string tmp = exe + "." + Environment.ProcessId + ".tmp";
        var psi = new ProcessStartInfo("gcc", ["-O2", "-Wall", "-Wextra", "-Werror", "-o", tmp, src])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        Process gcc;
        try
        {
            gcc = Process.Start(psi) ?? throw new DiffTestException("cannot start gcc");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new DiffTestException("gcc not found: the native harness is compiled at test time (apt-get install gcc)");
        }
        string err = gcc.StandardError.ReadToEnd();
        gcc.StandardOutput.ReadToEnd();
        gcc.WaitForExit();
        if (gcc.ExitCode != 0) throw new DiffTestException($"gcc failed to build the harness:\n{err}");
        File.Move(tmp, exe, overwrite: true);
        return exe;
    }

    /// <summary>Runs the cases natively, in order; returns what the CPU did for each.</summary>
    public MachineState[] Run(IReadOnlyList<DiffCase> cases)
    {
        var ms = new MemoryStream(cases.Count * 700);
        var b8 = new byte[8];
        void U16(int v) { BinaryPrimitives.WriteUInt16LittleEndian(b8, (ushort)v); ms.Write(b8, 0, 2); }
        void U64(ulong v) { BinaryPrimitives.WriteUInt64LittleEndian(b8, v); ms.Write(b8, 0, 8); }
        BinaryPrimitives.WriteUInt32LittleEndian(b8, (uint)cases.Count);
        ms.Write(b8, 0, 4);
        var code = new byte[Layout.MaxInstructionLength];
        foreach (var c in cases)
        {
            ms.WriteByte((byte)c.Bytes.Length);
            Array.Clear(code);
            c.Bytes.CopyTo(code, 0);
            ms.Write(code);
            foreach (var g in c.Gpr) U64(g);
            U64(c.Rflags);
            ms.Write(c.Fx);
            U64(c.DataSeed);
            U16(c.Patches.Count);
            foreach (var (off, bytes) in c.Patches)
            {
                U16(off);
                U16(bytes.Length);
                ms.Write(bytes);
            }
        }
        try
        {
            ms.Position = 0;
            ms.CopyTo(_stdin);
            _stdin.Flush();
        }
        catch (IOException)
        {
            throw Dead();
        }

        var results = new MachineState[cases.Count];
        var hdr = new byte[4 + 4 + 8 + 8 + 128 + 8 + 8];
        for (int i = 0; i < cases.Count; i++)
        {
            var s = new MachineState();
            ReadExactly(hdr);
            s.Signal = BinaryPrimitives.ReadInt32LittleEndian(hdr);
            s.SiCode = BinaryPrimitives.ReadInt32LittleEndian(hdr.AsSpan(4));
            s.FaultAddress = BinaryPrimitives.ReadUInt64LittleEndian(hdr.AsSpan(8));
            for (int g = 0; g < 16; g++) s.Gpr[g] = BinaryPrimitives.ReadUInt64LittleEndian(hdr.AsSpan(24 + 8 * g));
            s.Rip = BinaryPrimitives.ReadUInt64LittleEndian(hdr.AsSpan(152));
            s.Rflags = BinaryPrimitives.ReadUInt64LittleEndian(hdr.AsSpan(160));
            ReadExactly(s.Fx);
            ReadExactly(b8.AsSpan(0, 2));
            int n = BinaryPrimitives.ReadUInt16LittleEndian(b8);
            cases[i].InitialData(s.Data);
            var changes = new byte[3 * n];
            ReadExactly(changes);
            for (int k = 0; k < n; k++) s.Data[BinaryPrimitives.ReadUInt16LittleEndian(changes.AsSpan(3 * k))] = changes[3 * k + 2];
            // int3 ends a completed case: report it as "no signal" with RIP at the int3 itself.
            if (s.Signal == GuestSignals.SIGTRAP && s.SiCode == GuestSignals.SI_KERNEL)
            {
                s.Signal = 0;
                s.SiCode = 0;
                s.FaultAddress = 0;
                s.Rip -= 1;
            }
            results[i] = s;
        }
        return results;
    }

    private void ReadExactly(Span<byte> buf)
    {
        try
        {
            _stdout.ReadExactly(buf);
        }
        catch (EndOfStreamException)
        {
            throw Dead();
        }
    }

    private DiffTestException Dead()
    {
        _process.WaitForExit(2000);
        string err;
        lock (_stderr) err = _stderr.ToString().Trim();
        string how = _process.HasExited ? $"exit status {_process.ExitCode}" : "still running";
        return new DiffTestException($"the native harness died ({how}){(err.Length > 0 ? ": " + err : "")}; a case in this batch hung or crashed it");
    }

    public void Dispose()
    {
        try
        {
            _stdin.Close();
            if (!_process.WaitForExit(2000)) _process.Kill();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
