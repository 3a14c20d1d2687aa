import Diagnostics
import Foundation
import Notebook
import ScriptRuntime

/// One grading worker's reference session and its snapshots before each exercise.
///
/// Made by running the reference once, up to its last check, snapshotting before each
/// exercise; every submission then rewinds the session to the snapshot it needs. When some
/// value cannot be snapshotted (or `share` is false), each exercise gets a session made by
/// replaying the reference blocks before it instead; both give the same results.
final class ReferenceTrack {
    let states: ReferenceStates
    private var session: ScriptSession?
    private var snapshots: [SessionSnapshot] = []
    /// For each exercise's block (by cell index): the globals the reference solution leaves
    /// unchanged, deep down (`ScriptSession.globalsUnchanged`).
    private var untouched: [Int: Set<String>] = [:]
    /// The reference blocks that failed (or did not fail when marked `error=expected`).
    private(set) var failures: [Diagnostic] = []

    /// Runs the reference, snapshotting before each exercise when `share` is true.
    init(states: ReferenceStates, share: Bool) {
        self.states = states
        let session = states.freshSession()
        var snapshots: [SessionSnapshot] = []
        var snapshotting = share
        let exerciseCells = Set(states.plans.map(\.exerciseCell))
        for cell in states.notebook.codeCells where cell.index <= states.lastCell {
            if snapshotting, exerciseCells.contains(cell.index) {
                if let snapshot = try? session.snapshot() {
                    snapshots.append(snapshot)
                } else {
                    snapshotting = false
                }
            }
            let result = states.runReference(cell, in: session)
            if snapshotting, exerciseCells.contains(cell.index), let before = snapshots.last {
                untouched[cell.index] = session.globalsUnchanged(since: before)
            }
            if let error = result.error, !cell.options.errorExpected {
                failures.append(error)
            } else if cell.options.errorExpected, !result.failed {
                failures.append(Diagnostic(
                    id: "expected-error-missing", "block is marked error=expected but ran without error",
                    file: states.notebook.file, range: SourceRange(start: cell.fence)))
            }
        }
        guard snapshotting, snapshots.count == states.plans.count else { return }
        self.session = session
        self.snapshots = snapshots
    }

    /// The snapshot before exercise `position` and the globals its reference solution leaves
    /// unchanged; nil when sessions come from replays.
    func reference(before position: Int) -> (snapshot: SessionSnapshot, untouched: Set<String>)? {
        guard session != nil, position < snapshots.count,
              let untouched = untouched[states.plans[position].exerciseCell] else { return nil }
        return (snapshots[position], untouched)
    }

    /// Whether sessions come from snapshots rather than replays.
    var sharesState: Bool { session != nil }

    /// A session in the state the reference leaves before exercise `position`.
    func session(before position: Int) -> ScriptSession {
        if let session, position < snapshots.count, (try? session.restore(snapshots[position])) != nil {
            return session
        }
        return states.replayedSession(before: position)
    }
}

/// The reference tracks of a grader, shared by its workers: a worker takes an idle one or
/// runs the reference for a new one, and gives it back when done.
final class TrackPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [ReferenceTrack] = []
    let states: ReferenceStates

    /// Runs the reference for `count` tracks at once.
    init(states: ReferenceStates, count: Int) {
        self.states = states
        DispatchQueue.concurrentPerform(iterations: max(1, count)) { _ in
            let track = ReferenceTrack(states: states, share: states.settings.shareState)
            lock.withLock { idle.append(track) }
        }
    }

    /// The failures of the reference run, when it failed.
    var failures: [Diagnostic]? {
        lock.withLock { idle.first.flatMap { $0.failures.isEmpty ? nil : $0.failures } }
    }

    /// An idle track, or a new one.
    func take() -> ReferenceTrack {
        if let track = lock.withLock({ idle.popLast() }) { return track }
        return ReferenceTrack(states: states, share: states.settings.shareState)
    }

    /// Gives a track back for the next worker.
    func give(_ track: ReferenceTrack) {
        lock.withLock { idle.append(track) }
    }
}
