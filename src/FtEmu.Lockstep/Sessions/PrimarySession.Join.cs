using System.Diagnostics;
using FtEmu.Linux;
using FtEmu.Replay;
using Microsoft.Extensions.Logging;

namespace FtEmu.Lockstep;

/// <summary>A new secondary joining a running primary: snapshot, then the log from that instruction on.</summary>
public sealed partial class PrimarySession
{
    private JoinRequest? _join;

    /// <summary>How long the guest was paused for the last snapshot.</summary>
    public long LastSnapshotPauseMs { get; private set; }

    private sealed class JoinRequest(Link link)
    {
        public Link Link { get; } = link;
        public ManualResetEventSlim Done { get; } = new();
        public string? Error { get; set; }
    }

    /// <summary>On the guest thread, between slices: sends the snapshot to a waiting secondary and starts its log.</summary>
    private void AdmitPendingJoin(LinuxProcess process, TapedHost host)
    {
        JoinRequest? join;
        lock (_lock)
        {
            join = _join;
            _join = null;
        }
        if (join == null) return;
        var pause = Stopwatch.StartNew();
        try
        {
            byte[] snapshot = ProcessSnapshot.Capture(process);
            var hash = process.StateHash();
            join.Link.Send(MessageType.Snapshot, Payloads.Checkpoint(process.Cpu.InstructionCount, snapshot));
            join.Link.Send(MessageType.CheckpointHash, Payloads.Checkpoint(process.Cpu.InstructionCount, hash));
            lock (_lock)
            {
                _ackedChunk = 0;
                _chunkSentAt.Clear();
                _outputIndex = 0;
                _secondaryCount = process.Cpu.InstructionCount;
                _link = join.Link;
                _lastHeardMs = _clock.ElapsedMilliseconds;
            }
            StartLog(host, process);
            LastSnapshotPauseMs = pause.ElapsedMilliseconds;
            lock (_lock) SetState(FtState.Running, $"secondary {join.Link.Peer} joined from a snapshot at instruction {process.Cpu.InstructionCount}");
            _log.LogInformation("primary paused {Ms} ms to send a {Bytes}-byte snapshot", LastSnapshotPauseMs, snapshot.Length);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or LinkException or System.Net.Sockets.SocketException)
        {
            join.Error = e.Message;
        }
        finally
        {
            join.Done.Set();
        }
    }
}
