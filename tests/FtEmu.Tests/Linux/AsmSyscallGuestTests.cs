using Xunit;

namespace FtEmu.Tests.Linux;

/// <summary>Libc-free guests (guest-images/src/sys_asm_*.S) that call the syscalls directly, natively and under FtEmu.</summary>
public class AsmSyscallGuestTests
{
    [Theory]
    [InlineData("sys_asm_files")]
    public void BehavesLikeNative(string name)
    {
        var result = GuestRunner.AssertSameAsNative(GuestImages.Get(name, "asm"), Array.Empty<string>());
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("dirents: 5\n", result.StdoutText);
    }
}
