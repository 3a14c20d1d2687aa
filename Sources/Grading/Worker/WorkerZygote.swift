import CProcess
import Foundation

/// The parent's handle on a `grade-worker --zygote` process: it runs the reference once, and
/// every worker is then forked from it (see `GradeWorker.serveAsZygote`), so starting a
/// worker, also after a crash, costs a fork rather than another reference run.
final class WorkerZygote: @unchecked Sendable {
    private let process: WorkerProcess
    /// This end of the zygote's request socket.
    private let requests: Int32
    private let lock = NSLock()

    /// How long a forked worker may take to say it is ready, in seconds.
    static let readySeconds: Double = 60

    /// Starts the zygote and waits until it has run the reference. Throws when it cannot
    /// start or refuses the source.
    init(command: [String], folder: URL?, environment: [String: String]) throws {
        // Workers are forked by the zygote's middle process, which exits at once: as their
        // subreaper, this process becomes their parent and can wait for them.
        guard rnnbook_become_child_subreaper() == 0 else {
            throw WorkerError(description: "this system cannot adopt forked grading workers (PR_SET_CHILD_SUBREAPER)")
        }
        var pair: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else {
            throw WorkerError(description: "could not make the grading zygote's socket (errno \(errno))")
        }
        requests = pair[0]
        let theirs = FileHandle(fileDescriptor: pair[1], closeOnDealloc: true)
        do {
            process = try WorkerProcess(command: command + ["--zygote"], folder: folder, environment: environment,
                                        standardInput: theirs)
        } catch {
            close(pair[0])
            throw error
        }
        try? theirs.close()
        if case .failure(let error) = process.awaitReady() {
            finish()
            throw error
        }
    }

    private var closed = false

    deinit {
        finish()
    }

    /// Ends the zygote: its input ends, it exits, and it is waited for (idempotent).
    func finish() {
        lock.withLock {
            guard !closed else { return }
            closed = true
            close(requests)
            _ = process.ending()
        }
    }

    /// Forks a worker from the reference and waits until it is ready.
    func fork() throws -> WorkerProcess {
        var jobs: [Int32] = [-1, -1]
        var messages: [Int32] = [-1, -1]
        guard Self.pipe(&jobs) else { throw WorkerError(description: "no pipe for a grading worker (errno \(errno))") }
        guard Self.pipe(&messages) else {
            close(jobs[0]); close(jobs[1])
            throw WorkerError(description: "no pipe for a grading worker (errno \(errno))")
        }
        let answer: WorkerProcess.Read = lock.withLock {
            guard !closed, rnnbook_send_descriptors(requests, jobs[0], messages[1]) == 0 else { return .ended }
            return process.next(before: nil)
        }
        // The worker holds its ends now; this process keeps only its own.
        close(jobs[0])
        close(messages[1])
        guard case .message(let message) = answer, message.kind == .forked else {
            close(jobs[1]); close(messages[0])
            if case .message(let message) = answer, let reason = message.message {
                throw WorkerError(description: reason)
            }
            throw WorkerError(description: "the grading zygote \(process.ending())")
        }
        let worker = WorkerProcess(forkedInput: jobs[1], output: messages[0])
        if case .failure(let error) = worker.awaitReady(before: Date().addingTimeInterval(Self.readySeconds)) {
            worker.kill()
            throw error
        }
        return worker
    }

    /// A pipe whose ends close on exec (the zygote gets its own copies by SCM_RIGHTS).
    private static func pipe(_ ends: inout [Int32]) -> Bool {
        guard Glibc.pipe(&ends) == 0 else { return false }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return true
    }
}
