import Foundation

/// The parent's handle on one `grade-worker` child process: sends jobs, reads its lines with
/// a deadline, kills it.
final class WorkerProcess {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer = Data()
    private var ended = false
    private var launched = false

    /// Starts `command` (the executable, then its arguments) in `folder`.
    init(command: [String], folder: URL?, environment: [String: String]) throws {
        guard let executable = command.first else { throw WorkerError.noCommand }
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(command.dropFirst())
        process.environment = environment
        if let folder { process.currentDirectoryURL = folder }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        launched = true
    }

    deinit {
        kill()
    }

    /// Sends one job.
    func send(_ job: WorkerJob) {
        // A worker that died closed the pipe: writing then would raise SIGPIPE, which grading
        // processes ignore; the next read reports the death.
        try? input.fileHandleForWriting.write(contentsOf: WorkerLines.encode(job))
    }

    /// What reading a line gave.
    enum Read {
        case message(WorkerMessage)
        /// Nothing came before the deadline.
        case timedOut
        /// The worker is gone.
        case ended
    }

    /// The next message, waiting until `deadline` (forever when nil). Lines that are not
    /// messages are skipped.
    func next(before deadline: Date?) -> Read {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                if let message = WorkerLines.decode(WorkerMessage.self, Data(line)) { return .message(message) }
                continue
            }
            if ended { return .ended }
            let fd = output.fileHandleForReading.fileDescriptor
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let wait = deadline.map { Int32(max(0, min(Double(Int32.max), $0.timeIntervalSinceNow * 1000))) } ?? -1
            let ready = poll(&poller, 1, wait)
            if ready == 0 { return .timedOut }
            if ready < 0 {
                if errno == EINTR { continue }
                ended = true
                continue
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = read(fd, &chunk, chunk.count)
            if count <= 0 {
                ended = true
            } else {
                buffer.append(contentsOf: chunk[0..<count])
            }
        }
    }

    /// Kills the worker (SIGKILL) if it runs, and waits for it.
    func kill() {
        guard launched else { return }
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// Waits for the worker to end and says how it ended, in words.
    func ending() -> String {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        switch process.terminationReason {
        case .uncaughtSignal:
            let signal = process.terminationStatus
            return "was stopped by signal \(signal) (\(WorkerProcess.signalName(signal)))"
        case .exit:
            return "exited with status \(process.terminationStatus)"
        @unknown default:
            return "ended"
        }
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGKILL: return "SIGKILL"
        case SIGTRAP: return "SIGTRAP"
        case SIGABRT: return "SIGABRT"
        case SIGSEGV: return "SIGSEGV"
        case SIGBUS: return "SIGBUS"
        case SIGILL: return "SIGILL"
        case SIGFPE: return "SIGFPE"
        case SIGTERM: return "SIGTERM"
        default: return "signal \(signal)"
        }
    }
}

/// A grading worker that could not be started or refused the source.
public struct WorkerError: Error, CustomStringConvertible {
    /// Why.
    public var description: String

    static let noCommand = WorkerError(description: "no grading worker command")
}
