using System.Text;
using FtEmu.Linux;
using Microsoft.Extensions.Logging;

namespace FtEmu.Replay;

/// <summary>
/// Re-executes a recording: the same program and initial state, with every boundary input taken
/// from the log. Every checkpoint and the final state are verified; the first mismatch stops the
/// replay with a divergence report.
/// </summary>
public sealed class ReplaySession
{
    public enum Outcome
    {
        /// <summary>Every checkpoint and the final state matched.</summary>
        Verified,
        /// <summary>The recording was incomplete; everything up to its end matched.</summary>
        Incomplete,
        /// <summary>The replay departed from the recording.</summary>
        Diverged,
    }

    public sealed record Result(Outcome Outcome, int ExitCode, ulong Instructions, int CheckpointsVerified, string? FinalHash, string Message);

    /// <param name="engine">The CPU engine to replay with; any engine replays any recording.</param>
    public static Result Run(Stream logStream, string name, Stream? echoStdout, Stream? echoStderr, ILogger? logger = null, TextWriter? strace = null,
        Cpu.CpuEngineOptions? engine = null)
    {
        using var reader = new LogReader(logStream, name);
        var header = reader.Header;
        if (header.CpuModel != Cpu.CpuidModel.Name)
            throw new LogFormatException($"{name}: recorded under CPU model {header.CpuModel}, this ftemu provides {Cpu.CpuidModel.Name}");
        var tape = new ReplayTape(reader);
        var host = new TapedHost(tape, echoStdout, echoStderr);
        using var process = new LinuxProcess(header.ToOptions() with { Engine = engine ?? Cpu.CpuEngineOptions.Default }, host, logger) { Strace = strace };
        tape.Clock = () => process.Cpu.InstructionCount;
        int verified = 0;
        try
        {
            process.Start();
            while (true)
            {
                ulong next = process.Cpu.InstructionCount + header.CheckpointInterval;
                if (process.Run(next)) break;
                var events = tape.ReadSession(EventKind.Checkpoint, out ulong count);
                if (events == null) return Incomplete(reader, process, verified);
                var recorded = Checkpoint.Read(events, count);
                var actual = Checkpoint.Take(process);
                if (!recorded.Hash.AsSpan().SequenceEqual(actual.Hash))
                    return Diverged(process, tape, $"state hash differs at checkpoint {verified + 1}", recorded, actual, verified);
                verified++;
            }
            var end = tape.ReadSession(EventKind.End, out ulong endCount);
            if (end == null) return Incomplete(reader, process, verified);
            var record = EndRecord.Read(end, endCount);
            int exitCode = record.ExitCode;
            var recordedFinal = record.Final;
            var actualFinal = Checkpoint.Take(process);
            if (endCount != process.Cpu.InstructionCount || exitCode != process.ExitCode || record.Signal != process.TerminatingSignal)
                return Diverged(process, tape, $"the run ended at instruction {process.Cpu.InstructionCount} with status {process.ExitCode}, the recording at {endCount} with status {exitCode}", recordedFinal, actualFinal, verified);
            if (!recordedFinal.Hash.AsSpan().SequenceEqual(actualFinal.Hash))
                return Diverged(process, tape, "final state hash differs", recordedFinal, actualFinal, verified);
            return new Result(Outcome.Verified, exitCode, endCount, verified, actualFinal.HashHex,
                $"replay verified: {endCount} instructions, {verified} checkpoints, final hash {actualFinal.HashHex}");
        }
        catch (DivergenceException e)
        {
            return Diverged(process, tape, e.Message, null, Checkpoint.Take(process), verified);
        }
        catch (EndOfRecordingException e)
        {
            // Data ran out before the End record: whatever the header flag says, the file is cut short.
            string why = reader.IsComplete && reader.TruncatedAt == null ? $"ends at offset {reader.Offset} without its End record (truncated)" : e.Message;
            return new Result(Outcome.Incomplete, process.ExitCode, process.Cpu.InstructionCount, verified, null,
                $"recording incomplete: {why}; {verified} checkpoints verified before that");
        }
    }

    private static Result Incomplete(LogReader reader, LinuxProcess process, int verified)
    {
        string where = reader.TruncatedAt is long t ? $"cut short at offset {t}" : reader.IsComplete ? $"truncated at offset {reader.Offset}" : "not marked complete";
        return new Result(Outcome.Incomplete, process.ExitCode, process.Cpu.InstructionCount, verified, null,
            $"recording incomplete ({where}): replayed and verified {verified} checkpoints up to instruction {process.Cpu.InstructionCount}");
    }

    private static Result Diverged(LinuxProcess process, ReplayTape tape, string what, Checkpoint? recorded, Checkpoint actual, int verified)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"replay diverged: {what}");
        sb.AppendLine($"  after checkpoint {verified}, at instruction {process.Cpu.InstructionCount}");
        sb.AppendLine($"  at rip=0x{process.Cpu.Rip:x}: {Disassembler.At(process, process.Cpu.Rip)}");
        if (recorded != null)
        {
            for (int i = 0; i < Math.Min(recorded.Registers.Length, actual.Registers.Length); i++)
            {
                if (recorded.Registers[i] != actual.Registers[i])
                    sb.AppendLine($"  {Checkpoint.RegisterNames[i]}: recorded 0x{recorded.Registers[i]:x}, replayed 0x{actual.Registers[i]:x}");
            }
        }
        sb.Append($"  last matching event: {tape.LastMatched}");
        return new Result(Outcome.Diverged, process.ExitCode, process.Cpu.InstructionCount, verified, actual.HashHex, sb.ToString());
    }
}
