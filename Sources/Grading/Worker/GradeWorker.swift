import Foundation
import Notebook
import ScriptRuntime
import Tensor

/// The loop of a `grade-worker` process: runs the reference once, then grades the jobs its
/// parent writes on standard input, one JSON line each, and answers on standard output.
///
/// Nothing else reaches the parent: the protocol goes through a private copy of standard
/// output, and standard output itself is sent to /dev/null.
public enum GradeWorker {
    /// Serves jobs until standard input ends. `memoryLimit` (megabytes) caps the address space
    /// the worker may add once the reference has run (setrlimit), so a submission that
    /// exhausts memory kills only its worker. Returns the exit status.
    public static func serve(assignment: Assignment, settings: GradingSettings, memoryLimit: Int?) -> Int32 {
        let channel = privateChannel()
        func send(_ message: WorkerMessage) { DescriptorWriter.write(WorkerLines.encode(message), to: channel) }
        guard let grader = reference(assignment, settings, send: send) else { return 1 }
        if let memoryLimit { limitAddressSpace(addingMegabytes: memoryLimit) }
        send(WorkerMessage(kind: .ready, pid: getpid()))
        serveJobs(grader, input: LineReader(descriptor: STDIN_FILENO), send: send)
        return 0
    }

    /// A private copy of standard output for the protocol; standard output itself then goes
    /// to /dev/null, so nothing the graded code prints can reach the parent.
    static func privateChannel() -> Int32 {
        let channel = dup(STDOUT_FILENO)
        let null = open("/dev/null", O_WRONLY)
        if null >= 0 {
            dup2(null, STDOUT_FILENO)
            close(null)
        }
        return channel
    }

    /// Runs the reference, or tells the parent why it cannot be graded.
    static func reference(_ assignment: Assignment, _ settings: GradingSettings,
                          send: (WorkerMessage) -> Void) -> Grader? {
        do {
            return try Grader(assignment: assignment, settings: settings)
        } catch {
            send(WorkerMessage(kind: .refused, message: "\(error)"))
            return nil
        }
    }

    /// Grades the jobs read from `input` until it ends.
    static func serveJobs(_ grader: Grader, input: LineReader, send: (WorkerMessage) -> Void) {
        let assignment = grader.assignment
        let trap = ProcessInfo.processInfo.environment["RNNBOOK_TEST_WORKER_TRAP"].flatMap { $0.isEmpty ? nil : $0 }
        while let line = input.next() {
            guard let job = WorkerLines.decode(WorkerJob.self, Data(line.utf8)) else { continue }
            var submission = Submission.load(path: job.path)
            submission.student = job.student
            grader.grade(submission, from: job.first, starting: { position in
                send(WorkerMessage(kind: .start, exercise: position))
                #if DEBUG
                // A test-only hook, compiled into debug builds only and armed only by the
                // tests' environment variable: the known traps are fixed, so tests make the
                // worker die by SIGILL, as a trap would, this way.
                let exercise = assignment.exercises[position].id
                if let trap, submission.blocks(for: exercise).contains(where: { $0.code.contains(trap) }) {
                    raise(SIGILL)
                }
                #endif
            }, done: { position, result in
                send(WorkerMessage(kind: .exercise, exercise: position, result: result))
            })
            send(WorkerMessage(kind: .done))
            // What the submission freed goes back to the system, out of the next one's address space.
            MemoryTuning.releaseCachedBlocks()
        }
    }

    /// Caps the address space at what the process uses now plus `megabytes`, plus the
    /// stacks of the threads that run blocks (reserved, hardly used).
    /// A `--sanitize=address` build keeps no cap (see `AddressSanitizerCheck`), only the
    /// session's memory budget.
    static func limitAddressSpace(addingMegabytes megabytes: Int) {
        guard !AddressSanitizerCheck.isActive else { return }
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let used = status.split(separator: "\n").first { $0.hasPrefix("VmSize:") }
            .flatMap { $0.split(separator: " ").dropFirst().first.flatMap { Int($0) } } ?? 0
        let bytes = rlim_t(max(0, used) * 1024) + (rlim_t(max(0, megabytes)) << 20) + rlim_t(ScriptSession.blockStackReserve)
        var limit = rlimit(rlim_cur: bytes, rlim_max: bytes)
        _ = setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
    }
}
