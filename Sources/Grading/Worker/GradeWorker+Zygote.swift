import CProcess
import Foundation
import Notebook
import ScriptRuntime

extension GradeWorker {
    /// Serves as a zygote (`grade-worker --zygote`): runs the reference once, then forks one
    /// worker per request, so every worker starts from that one run instead of its own.
    ///
    /// Standard input is a Unix socket: each request is one byte carrying two descriptors
    /// (SCM_RIGHTS), the worker's job input and its message output. The zygote forks twice
    /// and the middle process exits at once, so the worker is re-parented to the grading
    /// parent (a child subreaper), which can then wait for it and see how it ended. The zygote
    /// answers each request with `forked` or `refused` on its own output. It forks only from
    /// its main thread, between requests, when nothing else of the process runs.
    ///
    /// `prepareWorker` runs first in each worker (e.g. one BLAS thread); `memoryLimit` as in
    /// `serve`. Returns the exit status when standard input ends.
    public static func serveAsZygote(assignment: Assignment, settings: GradingSettings, memoryLimit: Int?,
                                     prepareWorker: () -> Void) -> Int32 {
        let channel = privateChannel()
        func answer(_ message: WorkerMessage) { DescriptorWriter.write(WorkerLines.encode(message), to: channel) }
        guard let grader = reference(assignment, settings, send: answer) else { return 1 }
        answer(WorkerMessage(kind: .ready, pid: getpid()))
        while true {
            var input: Int32 = -1
            var output: Int32 = -1
            let received = rnnbook_receive_descriptors(STDIN_FILENO, &input, &output)
            if received == 0 { return 0 }
            guard received == 1 else {
                answer(WorkerMessage(kind: .refused, message: "a request without its descriptors"))
                continue
            }
            let middle = rnnbook_fork()
            if middle == 0 {
                let worker = rnnbook_fork()
                if worker == 0 {
                    close(channel)
                    becomeWorker(grader, input: input, output: output, memoryLimit: memoryLimit, prepare: prepareWorker)
                }
                _exit(worker > 0 ? 0 : 1)
            }
            close(input)
            close(output)
            let status = middle > 0 ? waitForExit(middle) : -1
            answer(status == 0
                   ? WorkerMessage(kind: .forked)
                   : WorkerMessage(kind: .refused, message: "could not fork a grading worker (errno \(errno))"))
        }
    }

    /// The rest of a forked worker's life: its descriptors become its input and protocol
    /// channel, then it serves jobs until its input ends, and exits.
    static func becomeWorker(_ grader: Grader, input: Int32, output: Int32, memoryLimit: Int?,
                             prepare: () -> Void) -> Never {
        // The zygote's request socket is replaced by the job input.
        dup2(input, STDIN_FILENO)
        close(input)
        prepare()
        if let memoryLimit { limitAddressSpace(addingMegabytes: memoryLimit) }
        func send(_ message: WorkerMessage) { DescriptorWriter.write(WorkerLines.encode(message), to: output) }
        send(WorkerMessage(kind: .ready, pid: getpid()))
        serveJobs(grader, input: LineReader(descriptor: STDIN_FILENO), send: send)
        _exit(0)
    }

    /// Waits for child `pid`; its exit status, or -1 when it did not exit normally.
    static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        return status & 0x7f == 0 ? (status >> 8) & 0xff : -1
    }
}
