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
        let channel = FileHandle(fileDescriptor: dup(STDOUT_FILENO), closeOnDealloc: true)
        let null = open("/dev/null", O_WRONLY)
        if null >= 0 {
            dup2(null, STDOUT_FILENO)
            close(null)
        }
        func send(_ message: WorkerMessage) { channel.write(WorkerLines.encode(message)) }
        let grader: Grader
        do {
            grader = try Grader(assignment: assignment, settings: settings)
        } catch {
            send(WorkerMessage(kind: .refused, message: "\(error)"))
            return 1
        }
        if let memoryLimit { limitAddressSpace(addingMegabytes: memoryLimit) }
        send(WorkerMessage(kind: .ready))
        let trap = ProcessInfo.processInfo.environment["RNNBOOK_TEST_WORKER_TRAP"].flatMap { $0.isEmpty ? nil : $0 }
        while let line = readLine(strippingNewline: true) {
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
        return 0
    }

    /// Caps the address space at what the process uses now plus `megabytes`, plus the
    /// stacks of the threads that run blocks (reserved, hardly used).
    static func limitAddressSpace(addingMegabytes megabytes: Int) {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let used = status.split(separator: "\n").first { $0.hasPrefix("VmSize:") }
            .flatMap { $0.split(separator: " ").dropFirst().first.flatMap { Int($0) } } ?? 0
        let bytes = rlim_t(max(0, used) * 1024) + (rlim_t(max(0, megabytes)) << 20) + rlim_t(ScriptSession.blockStackReserve)
        var limit = rlimit(rlim_cur: bytes, rlim_max: bytes)
        _ = setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
    }
}
