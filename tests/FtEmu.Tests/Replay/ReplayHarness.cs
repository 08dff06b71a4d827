using FtEmu.Linux;
using FtEmu.Replay;

namespace FtEmu.Tests.Replay;

/// <summary>Records a guest into memory and replays it, capturing the output of both.</summary>
internal static class ReplayHarness
{
    public sealed record Recording(byte[] Log, GuestResult Live, RecordSession.Result Summary);

    public static Recording Record(string program, string[] args, byte[]? stdin = null, ulong interval = 200_000, bool embed = true, string? cwd = null,
        FtEmu.Cpu.CpuEngineOptions? engine = null)
    {
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var log = new MemoryStream();
        using (var host = new LiveHost(new MemoryStream(stdin ?? Array.Empty<byte>()), stdout, stderr))
        {
            var options = GuestRunner.Options(program, args, cwd, engine: engine);
            var summary = RecordSession.Run(options, program, new NonClosingStream(log), host, embed, interval);
            return new Recording(log.ToArray(), new GuestResult(stdout.ToArray(), stderr.ToArray(), summary.ExitCode), summary);
        }
    }

    public static (ReplaySession.Result Result, GuestResult Output) Replay(byte[] log, FtEmu.Cpu.CpuEngineOptions? engine = null)
    {
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var result = ReplaySession.Run(new MemoryStream(log), "test.ftlog", stdout, stderr, engine: engine ?? TestEngines.Interpreter);
        return (result, new GuestResult(stdout.ToArray(), stderr.ToArray(), result.ExitCode));
    }

    /// <summary>Keeps the MemoryStream readable after the log writer disposes its stream.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => inner.CanWrite;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => inner.SetLength(value);
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        protected override void Dispose(bool disposing) => inner.Flush();
    }
}
