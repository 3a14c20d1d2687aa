import Foundation

/// The parent's handle on one grading worker process: sends jobs, reads its lines with a
/// deadline, kills it. The worker is either started from a command (`grade-worker`) or
/// forked by a `WorkerZygote`; either way it is this process's child.
final class WorkerProcess {
    /// How the worker came to be.
    private enum Child {
        case spawned(Process)
        case forked(pid_t)
    }

    private var child: Child
    /// The write end of the worker's job input (-1 when it has another input).
    private let input: Int32
    /// The read end of the worker's messages.
    private let output: Int32
    private var buffer = Data()
    private var ended = false
    /// The wait status, once the worker was reaped (forked workers).
    private var status: Int32?

    /// Starts `command` (the executable, then its arguments) in `folder`; its standard input
    /// is a pipe for jobs unless `standardInput` is given.
    init(command: [String], folder: URL?, environment: [String: String], standardInput: FileHandle? = nil) throws {
        guard let executable = command.first else { throw WorkerError.noCommand }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(command.dropFirst())
        process.environment = environment
        if let folder { process.currentDirectoryURL = folder }
        let inputPipe = Pipe()
        let outputPipe = Pipe()
        process.standardInput = standardInput ?? inputPipe
        process.standardOutput = outputPipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        child = .spawned(process)
        // Own copies, so the descriptors outlive the pipes' handles.
        input = standardInput == nil ? dup(inputPipe.fileHandleForWriting.fileDescriptor) : -1
        output = dup(outputPipe.fileHandleForReading.fileDescriptor)
        try? inputPipe.fileHandleForWriting.close()
        try? outputPipe.fileHandleForReading.close()
    }

    /// Takes over a worker a zygote forked, writing jobs to `input` and reading messages from
    /// `output` (both owned from now on); its process id comes with its `ready` message
    /// (`awaitReady`).
    init(forkedInput input: Int32, output: Int32) {
        child = .forked(-1)
        self.input = input
        self.output = output
    }

    /// Waits for the worker's `ready` (forever when `deadline` is nil): a forked worker's
    /// process id comes with it. Fails when the worker refuses the source or ends first.
    func awaitReady(before deadline: Date? = nil) -> Result<Void, WorkerError> {
        while true {
            switch next(before: deadline) {
            case .message(let message) where message.kind == .ready:
                if case .forked = child {
                    guard let pid = message.pid, pid > 0 else { continue }
                    child = .forked(pid)
                }
                return .success(())
            case .message(let message) where message.kind == .refused:
                return .failure(WorkerError(description: message.message ?? "the grading worker refused the source"))
            case .message: continue
            case .timedOut:
                return .failure(WorkerError(description: "a grading worker was not ready in time"))
            case .ended:
                return .failure(WorkerError(description: "a grading worker \(ending()) before it was ready"))
            }
        }
    }

    deinit {
        kill()
        close(output)
    }

    /// Sends one job.
    func send(_ job: WorkerJob) {
        // A worker that died closed the pipe: writing then would raise SIGPIPE, which grading
        // processes ignore; the next read reports the death.
        DescriptorWriter.write(WorkerLines.encode(job), to: input)
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
            var poller = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let wait = deadline.map { Int32(max(0, min(Double(Int32.max), $0.timeIntervalSinceNow * 1000))) } ?? -1
            let ready = poll(&poller, 1, wait)
            if ready == 0 { return .timedOut }
            if ready < 0 {
                if errno == EINTR { continue }
                ended = true
                continue
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = read(output, &chunk, chunk.count)
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            if count <= 0 {
                ended = true
            } else {
                buffer.append(contentsOf: chunk[0..<count])
            }
        }
    }

    /// Kills the worker (SIGKILL) if it runs, and waits for it.
    func kill() {
        switch child {
        case .spawned(let process):
            if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
            closeInput()
            process.waitUntilExit()
        case .forked(let pid):
            // No process id (not ready yet): closing its input is all that can be done.
            guard pid > 0 else { return closeInput() }
            if status == nil { Foundation.kill(pid, SIGKILL) }
            closeInput()
            _ = reap(pid)
        }
    }

    /// Closes the job input (idempotent): a worker reading it sees its end.
    private func closeInput() {
        if !inputClosed {
            inputClosed = true
            if input >= 0 { close(input) }
        }
    }

    private var inputClosed = false

    /// Waits for forked worker `pid` (once) and keeps its wait status.
    private func reap(_ pid: pid_t) -> Int32 {
        if let status { return status }
        var value: Int32 = 0
        while waitpid(pid, &value, 0) < 0 {
            if errno != EINTR {
                value = 0
                break
            }
        }
        status = value
        return value
    }

    /// Waits for the worker to end and says how it ended, in words.
    func ending() -> String {
        closeInput()
        switch child {
        case .spawned(let process):
            process.waitUntilExit()
            switch process.terminationReason {
            case .uncaughtSignal: return Self.describe(signal: process.terminationStatus)
            case .exit: return "exited with status \(process.terminationStatus)"
            @unknown default: return "ended"
            }
        case .forked(let pid):
            guard pid > 0 else { return "ended" }
            let status = reap(pid)
            let signal = status & 0x7f
            if signal != 0, signal != 0x7f { return Self.describe(signal: signal) }
            return "exited with status \((status >> 8) & 0xff)"
        }
    }

    static func describe(signal: Int32) -> String {
        "was stopped by signal \(signal) (\(signalName(signal)))"
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
