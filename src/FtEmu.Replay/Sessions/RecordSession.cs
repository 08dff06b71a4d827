using FtEmu.Linux;
using Microsoft.Extensions.Logging;

namespace FtEmu.Replay;

/// <summary>
/// Runs a guest live while recording every input that crosses the boundary, with a checkpoint
/// every <see cref="LogHeader.CheckpointInterval"/> instructions and an End record at exit.
/// </summary>
public sealed class RecordSession
{
    public sealed record Result(int ExitCode, int TerminatingSignal, ulong Instructions, string FinalHash, long Events, long RawBytes, long StoredBytes, ulong Rip);

    public static Result Run(ProcessOptions options, string imageHostPath, Stream logStream, IHostBoundary live, bool embed,
        ulong checkpointInterval, ILogger? logger = null, TextWriter? strace = null)
    {
        var header = LogHeader.FromOptions(options, imageHostPath, embed, checkpointInterval);
        using var writer = new LogWriter(logStream, header);
        var tape = new RecordTape(writer);
        var host = new TapedHost(tape, live);
        using var process = new LinuxProcess(options, host, logger) { Strace = strace };
        tape.Clock = () => process.Cpu.InstructionCount;
        process.Start();
        while (true)
        {
            ulong next = process.Cpu.InstructionCount + checkpointInterval;
            if (process.Run(next)) break;
            tape.WriteCheckpoint(Checkpoint.Take(process));
        }
        var final = Checkpoint.Take(process);
        tape.WriteEnd(process.ExitCode, process.TerminatingSignal, final);
        writer.Complete();
        return new Result(process.ExitCode, process.TerminatingSignal, process.Cpu.InstructionCount, final.HashHex, writer.EventCount,
            writer.RawBytes, writer.StoredBytes, process.Cpu.Rip);
    }
}
