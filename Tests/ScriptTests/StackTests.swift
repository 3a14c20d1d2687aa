import Testing
@testable import ScriptRuntime

@inline(never) func burn(_ n: Int) -> Int {
    var buffer = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    buffer.0 = n
    return n == 0 ? buffer.0 : burn(n - 1) + withUnsafePointer(to: &buffer) { Int(bitPattern: $0) & 1 }
}

/// Blocks run on a thread whose stack is really large (Thread.stackSize is honoured).
@Test func largeStackIsReallyLarge() {
    let job = Job {
        _ = burn(400_000)  // ~ 400k frames of > 128 bytes: well over 50 MB
        return BlockResult(outputs: [.text("ok")])
    }
    ScriptSession.onLargeStack(job)
    #expect(job.result?.outputs == [.text("ok")])
}
