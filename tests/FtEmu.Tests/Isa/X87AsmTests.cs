namespace FtEmu.Tests.Isa;

/// <summary>
/// The generated x87 assembly guests (guest-images/gen/gen_isa_x87_asm.py): arithmetic, conversions,
/// compares and stack faults over edge values and control words, compared with the host CPU.
/// </summary>
public class X87AsmTests
{
    [Theory]
    [InlineData("isa_x87_arith")]
    [InlineData("isa_x87_unary")]
    [InlineData("isa_x87_compare")]
    [InlineData("isa_x87_misc")]
    [InlineData("isa_x87_trap")]
    [InlineData("isa_x87_unmasked")]
    public void MatchesNative(string name) =>
        GuestRunner.AssertSameAsNative(GuestImages.Get(name, "asm"), Array.Empty<string>());
}
