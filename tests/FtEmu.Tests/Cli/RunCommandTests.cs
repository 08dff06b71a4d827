using Xunit;

namespace FtEmu.Tests.Cli;

/// <summary>
/// <c>ftemu run</c> as a user meets it: a program that cannot run gets one line on stderr and a
/// non-zero status (never a .NET stack trace); a guest's exit status and output pass straight through.
/// </summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string _dir;

    public RunCommandTests()
    {
        _dir = Path.Combine(Path.GetTempPath(), "ftemu-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { } // Best effort: a temp directory left behind is harmless.
    }

    [Fact]
    public void MissingProgram_OneLineError()
    {
        var r = FtEmuProcess.Run(["run", Path.Combine(_dir, "does-not-exist")]);
        AssertOneLineError(r, "does-not-exist");
    }

    [Fact]
    public void MissingProgramOnPath_OneLineError()
    {
        var r = FtEmuProcess.Run(["run", "ftemu-no-such-program-anywhere"]);
        AssertOneLineError(r, "ftemu-no-such-program-anywhere");
    }

    [Fact]
    public void TextFile_NotElf()
    {
        string path = Path.Combine(_dir, "script.sh");
        File.WriteAllText(path, "#!/bin/sh\necho this is not an ELF file, but long enough to have a header's worth of bytes in it\n");
        var r = FtEmuProcess.Run(["run", path]);
        AssertOneLineError(r, "ELF");
    }

    [Fact]
    public void EmptyFile_NotElf()
    {
        string path = Path.Combine(_dir, "empty");
        File.WriteAllBytes(path, []);
        var r = FtEmuProcess.Run(["run", path]);
        AssertOneLineError(r, "ELF");
    }

    [Fact]
    public void Elf32_Rejected()
    {
        string path = Path.Combine(_dir, "i386");
        File.WriteAllBytes(path, ElfHeader(elfClass: 1, machine: 3));
        var r = FtEmuProcess.Run(["run", path]);
        AssertOneLineError(r, "32-bit");
    }

    [Fact]
    public void Aarch64Elf_Rejected()
    {
        string path = Path.Combine(_dir, "aarch64");
        File.WriteAllBytes(path, ElfHeader(elfClass: 2, machine: 183));
        var r = FtEmuProcess.Run(["run", path]);
        AssertOneLineError(r, "x86-64");
    }

    [Fact]
    public void TruncatedElf_Rejected()
    {
        string path = Path.Combine(_dir, "truncated");
        File.WriteAllBytes(path, ElfHeader(elfClass: 2, machine: 62)[..40]);
        var r = FtEmuProcess.Run(["run", path]);
        AssertOneLineError(r, "ELF");
    }

    [Fact]
    public void ElfWithoutProgramHeaders_Rejected()
    {
        string path = Path.Combine(_dir, "nophdr");
        File.WriteAllBytes(path, ElfHeader(elfClass: 2, machine: 62));
        var r = FtEmuProcess.Run(["run", path]);
        AssertOneLineError(r, "nophdr");
    }

    [Fact]
    public void DynamicallyLinkedProgram_NotSupportedYet()
    {
        // Debian's /bin/true is dynamically linked (it has a PT_INTERP segment).
        Assert.True(File.Exists("/bin/true"));
        var r = FtEmuProcess.Run(["run", "/bin/true"]);
        AssertOneLineError(r, "dynamic");
    }

    [Fact]
    public void MissingRootDirectory_OneLineError()
    {
        var r = FtEmuProcess.Run(["run", "--root", Path.Combine(_dir, "no-root-here"), "/bin/busybox", "true"]);
        AssertOneLineError(r, "no-root-here");
    }

    [Fact]
    public void GuestExitStatus_Propagated()
    {
        string program = GuestImages.Get("cli_exit42", "musl");
        var r = FtEmuProcess.Run(["run", program, "x"]);
        Assert.True(r.ExitCode == 42, r.ToString());
        Assert.Equal("exiting with 42 (argc=2)\n", r.StdoutText);
        Assert.Equal("", r.StderrText);
    }

    [Fact]
    public void GuestArgumentsAndEnvironment_PassedThrough()
    {
        // Options after the program belong to the guest, even ones ftemu itself has.
        string program = GuestImages.Get("cli_args", "glibc");
        var env = new Dictionary<string, string> { ["FTEMU_CLI_TEST"] = "value with spaces" };
        var r = FtEmuProcess.Run(["run", program, "--strace", "-x", "--root", "/", "", "two words"], env: env);
        Assert.True(r.ExitCode == 6, r.ToString());
        Assert.Equal("argv[1]=<--strace>\nargv[2]=<-x>\nargv[3]=<--root>\nargv[4]=</>\nargv[5]=<>\nargv[6]=<two words>\nFTEMU_CLI_TEST=<value with spaces>\n", r.StdoutText);
        Assert.Equal("to stderr\n", r.StderrText);
    }

    [Fact]
    public void GuestRunsRelativeToWorkingDirectory()
    {
        string program = GuestImages.Get("cli_exit42", "glibc");
        File.Copy(program, Path.Combine(_dir, "prog"));
        var r = FtEmuProcess.Run(["run", "./prog"], cwd: _dir);
        Assert.True(r.ExitCode == 42, r.ToString());
    }

    [Fact]
    public void Strace_PrintsExitGroup()
    {
        string program = GuestImages.Get("cli_exit42", "musl");
        var r = FtEmuProcess.Run(["run", "--strace", program]);
        Assert.True(r.ExitCode == 42, r.ToString());
        Assert.Equal("exiting with 42 (argc=1)\n", r.StdoutText);
        Assert.Contains("exit_group(42", r.StderrText);
        AssertNoStackTrace(r);
    }

    /// <summary>A 64-byte ELF header with no program headers; class and machine as given.</summary>
    private static byte[] ElfHeader(byte elfClass, ushort machine)
    {
        var b = new byte[64];
        b[0] = 0x7F; b[1] = (byte)'E'; b[2] = (byte)'L'; b[3] = (byte)'F';
        b[4] = elfClass;
        b[5] = 1; // little-endian
        b[6] = 1; // EV_CURRENT
        b[16] = 2; // ET_EXEC
        b[18] = (byte)machine; b[19] = (byte)(machine >> 8);
        b[20] = 1;
        return b;
    }

    private static void AssertOneLineError(GuestResult r, string mention)
    {
        Assert.True(r.ExitCode != 0, $"expected a failure status\n{r}");
        AssertNoStackTrace(r);
        string err = r.StderrText.TrimEnd('\n');
        Assert.True(err.Length > 0 && !err.Contains('\n'), $"expected exactly one line on stderr\n{r}");
        Assert.StartsWith("ftemu: ", err);
        Assert.Contains(mention, err, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", r.StdoutText);
    }

    private static void AssertNoStackTrace(GuestResult r)
    {
        Assert.DoesNotContain("Unhandled exception", r.StderrText);
        Assert.DoesNotContain("   at ", r.StderrText);
        Assert.DoesNotContain("Exception:", r.StderrText);
    }
}
