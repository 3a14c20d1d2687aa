import Diagnostics
import Testing
@testable import ScriptRuntime

/// Blocks run on a thread with a large stack; when that thread cannot be started (no room
/// for its stack under a memory limit), the block fails with an error instead of waiting
/// forever.
@Suite struct LargeStackTests {
    static let origin = BlockOrigin(file: SourceFile(name: "t.md", text: "```rnn\nx = 1\n```\n"), line: 2)

    @Test func aJobRunsOnItsThreadAndIsWaitedFor() {
        let job = Job { BlockResult(outputs: [.text("ran")]) }
        let result = ScriptSession.runOnLargeStack(job, origin: Self.origin)
        #expect(result.outputs == [.text("ran")])
    }

    @Test func aThreadThatCannotStartIsAnError() {
        let job = Job { BlockResult(outputs: [.text("ran")]) }
        // A petabyte of stack: no address space has room for it.
        let result = ScriptSession.runOnLargeStack(job, origin: Self.origin, stackSize: 1 << 50)
        let error = result.error
        #expect(error?.message.contains("the block could not run: no thread with a") == true, "\(result.outputs)")
        #expect(error?.range.start.line == 2)
        #expect(job.result == nil)
        #expect(!ScriptSession.onLargeStack(Job { BlockResult() }, stackSize: 1 << 50))
    }

    /// Many blocks one after the other: each thread is joined, none is left behind.
    @Test func manyBlocksRunInTurn() {
        let session = ScriptSession(seed: 1)
        for i in 0..<200 {
            let result = session.run("x = \(i) * 2\nx", origin: Self.origin)
            #expect(result.outputs == [.value("\(i * 2)")])
        }
    }
}
