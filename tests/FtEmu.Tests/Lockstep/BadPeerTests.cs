using System.Net.Sockets;

namespace FtEmu.Tests.Lockstep;

/// <summary>Peers that are wrong, garbage or tampered with are refused, and the running side is unaffected.</summary>
[Collection(LockstepCollection.Name)]
public class BadPeerTests
{
    private static string Counter => GuestImages.Get("asm_counter", "asm");

    private static string KeyFile(string dir, string name, byte fill)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllBytes(path, Enumerable.Repeat(fill, 32).ToArray());
        return path;
    }

    [Fact]
    public void AWrongKeyGarbageAndAWrongVersionAreRefusedAndTheGoodSecondaryStillWorks()
    {
        var dir = Directory.CreateTempSubdirectory("ftemu-bad-").FullName;
        int port = FtemuChild.FreePort();
        string key = KeyFile(dir, "key", 1), wrong = KeyFile(dir, "wrong", 2), status = Path.Combine(dir, "status.json");
        using var primary = new FtemuChild("run", "--primary", "--listen", $"127.0.0.1:{port}", "--key-file", key,
            "--tiebreaker", Path.Combine(dir, "tb"), "--status-file", status, Counter);
        try
        {
            Thread.Sleep(800);
            using (var bad = new FtemuChild("run", "--secondary", "--peer", $"127.0.0.1:{port}", "--key-file", wrong))
            {
                Assert.NotEqual(0, bad.Wait());
                Assert.Matches("authentication|not confirmed", bad.Stderr);
                Assert.DoesNotContain("   at ", bad.Stderr);
            }
            using (var garbage = new TcpClient("127.0.0.1", port))
            {
                garbage.GetStream().Write(Enumerable.Range(0, 300).Select(i => (byte)(i * 37)).ToArray());
                Thread.Sleep(200);
            }
            using (var old = new TcpClient("127.0.0.1", port))
            {
                // A hello frame claiming protocol version 99.
                byte[] payload = [(byte)'F', (byte)'T', (byte)'L', (byte)'S', 99, 16, .. new byte[16], 1];
                var frame = new byte[4 + 9 + payload.Length];
                BitConverter.TryWriteBytes(frame.AsSpan(0, 4), 9 + payload.Length);
                frame[4] = 1;
                frame[5] = 1;
                payload.CopyTo(frame, 13);
                old.GetStream().Write(frame);
                old.ReceiveTimeout = 3000;
                var reply = new byte[4096];
                int n = 0, k;
                try
                {
                    while ((k = old.GetStream().Read(reply, n, reply.Length - n)) > 0) n += k;
                }
                catch (IOException)
                {
                }
                Assert.Contains("protocol version 99", System.Text.Encoding.UTF8.GetString(reply, 0, n));
            }
            Assert.Contains("Starting", File.ReadAllText(status));
            using var good = new FtemuChild("run", "--secondary", "--peer", $"127.0.0.1:{port}", "--key-file", key, "--tiebreaker", Path.Combine(dir, "tb"));
            Assert.Equal(0, primary.Wait());
            Assert.Equal(0, good.Wait());
            Assert.Equal(50, primary.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
        finally
        {
            try
            {
                primary.Kill();
            }
            catch (InvalidOperationException)
            {
            }
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ATamperedMessageIsDetectedAndNothingIsLost()
    {
        var dir = Directory.CreateTempSubdirectory("ftemu-tamper-").FullName;
        int port = FtemuChild.FreePort();
        string key = KeyFile(dir, "key", 3), status = Path.Combine(dir, "status.json"), tb = Path.Combine(dir, "tb");
        using var primary = new FtemuChild("run", "--primary", "--listen", $"127.0.0.1:{port}", "--key-file", key,
            "--tiebreaker", tb, "--status-file", status, Counter);
        using var proxy = new LinkProxy(port);
        proxy.TamperFirstFrame(FtEmu.Lockstep.MessageType.Chunk); // past the handshake, inside the log
        using var secondary = new FtemuChild("run", "--secondary", "--peer", $"127.0.0.1:{proxy.Port}", "--key-file", key, "--tiebreaker", tb);
        try
        {
            int p = primary.Wait(), s = secondary.Wait();
            Assert.True((p == 0 && s == 75) || (p == 75 && s == 0) || (p == 0 && s == 0), $"primary {p}, secondary {s}\n{primary.Stderr}\n{secondary.Stderr}");
            Assert.Contains("authentication", primary.Stderr + secondary.Stderr);
            var lines = (primary.Stdout + secondary.Stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct().Count();
            Assert.Equal(50, lines);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
