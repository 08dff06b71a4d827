using Xunit;
using FtEmu.Cpu;
using FtEmu.Linux;

namespace FtEmu.Tests.Linux;

/// <summary>The address space's sorted mapping list behaves as the SortedDictionary it replaced.</summary>
public class VmaMapTests
{
    [Fact]
    public void RandomSetsAndRemovesMatchASortedDictionary()
    {
        var map = new VmaMap();
        var reference = new SortedDictionary<ulong, AddressSpace.Vma>();
        var random = new Random(1234);
        for (int step = 0; step < 5000; step++)
        {
            ulong start = (ulong)random.Next(64) << 12;
            if (random.Next(3) == 0)
            {
                Assert.Equal(reference.Remove(start), map.Remove(start));
            }
            else
            {
                var v = new AddressSpace.Vma(start, start + 0x1000, Protection.Read, $"v{step}");
                map.Set(v);
                reference[start] = v;
            }
            Assert.Equal(reference.Values, map.Values);
        }
        map.Clear();
        Assert.Empty(map.Values);
    }
}
