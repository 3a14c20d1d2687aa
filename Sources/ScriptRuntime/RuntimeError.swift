import Diagnostics

/// An error raised while running code: a message, and once known, where it happened and the
/// chain of user-function calls it passed through.
///
/// Native code throws it without a position; the innermost expression that sees it
/// attaches its own range. When it leaves a user function, the call is added to `trace`.
struct RuntimeError: Error {
    /// A stable identifier of the kind of error (`name-error`, `type-error`, `budget`, …).
    var id: String
    /// The lowercase message.
    var message: String
    /// Where it happened (block-relative, within `block`), once known.
    var range: SourceRange?
    /// The block the range belongs to.
    var block: BlockInfo?
    /// Where in each enclosing frame it was, innermost first; consecutive frames at the same
    /// place (recursion) are one entry with a count.
    var trace: [TraceEntry] = []
    /// The position in the frame currently being unwound.
    var current: SourceRange?
    var currentBlock: BlockInfo?
    /// Frames left out of `trace` once it holds `traceLimit` entries.
    var omittedFrames = 0
    /// The Python exception object, once made: by `raise`, or by an `except … as e` that
    /// caught this error (so that re-raising it keeps the same object).
    var exception: ExceptionPayload?
    /// The arguments of the exception object an `except … as e` makes (`e.args`), when they
    /// are not the message: Python's own, shorter ones where the message says more
    /// (`d['k']` fails with `key 'k' not found in dict`, but `e.args` is `('k',)`).
    var arguments: ExceptionArguments?

    static let traceLimit = 20

    init(_ message: String, id: String = "runtime-error") {
        self.message = message
        self.id = id
    }

    /// Attaches a position if none is known yet in the current frame.
    mutating func locate(_ range: SourceRange, in block: BlockInfo) {
        if self.range == nil {
            self.range = range
            self.block = block
        }
        if current == nil {
            current = range
            currentBlock = block
        }
    }

    /// This error with a position attached (see `locate`); kept out of line so that hot
    /// closures stay small.
    @inline(never)
    func located(_ range: SourceRange, in block: BlockInfo) -> RuntimeError {
        var copy = self
        copy.locate(range, in: block)
        return copy
    }

    static func type(_ message: String) -> RuntimeError { RuntimeError(message, id: "type-error") }
    static func value(_ message: String) -> RuntimeError { RuntimeError(message, id: "value-error") }
    static func index(_ message: String) -> RuntimeError { RuntimeError(message, id: "index-error") }
    static func key(_ message: String) -> RuntimeError { RuntimeError(message, id: "key-error") }
    /// A `KeyError` whose one argument is `key` (Python shows its repr as `str(e)`: `'k'`); `message` (the
    /// repr when nil) is what the error shows when it is not caught.
    static func keyError(_ key: Value, message: String? = nil) -> RuntimeError {
        var error = RuntimeError(message ?? key.repr(), id: "key-error")
        error.arguments = ExceptionArguments([key])
        return error
    }
    /// An `IndexError` that shows `message` when it is not caught, and whose `str()` is
    /// Python's `python` text (`list index out of range`).
    static func index(_ message: String, python: String) -> RuntimeError {
        var error = RuntimeError.index(message)
        error.arguments = ExceptionArguments([.str(python)])
        return error
    }
    static func zeroDivision(_ message: String) -> RuntimeError {
        RuntimeError(message, id: "zero-division")
    }
    /// An int result that needs more than 64 bits; `hint` (when there is a way out) follows.
    static func overflow(_ op: String, hint: String? = "use a float") -> RuntimeError {
        let suffix = hint.map { " (\($0))" } ?? ""
        return RuntimeError("integer overflow in '\(op)': the result does not fit in a 64-bit int\(suffix)", id: "overflow")
    }
}

/// The exception object a `RuntimeError` carries. Values belong to one session and are only
/// touched on its thread; the box lets the error stay `Sendable`.
final class ExceptionPayload: @unchecked Sendable {
    let instance: InstanceObject

    init(_ instance: InstanceObject) {
        self.instance = instance
    }
}

/// The arguments of an error's exception object; values belong to one session and are only
/// touched on its thread (the box lets the error stay `Sendable`).
final class ExceptionArguments: @unchecked Sendable {
    let values: [Value]

    init(_ values: [Value]) {
        self.values = values
    }
}

/// The file and placement of a block, so block-relative positions map into the notebook.
final class BlockInfo: Sendable {
    let origin: BlockOrigin

    init(origin: BlockOrigin) {
        self.origin = origin
    }

    /// Maps a block-relative location into the notebook file.
    func map(_ location: SourceLocation) -> SourceLocation {
        SourceLocation(line: origin.line + location.line - 1, column: origin.column + location.column - 1)
    }

    func map(_ range: SourceRange) -> SourceRange {
        SourceRange(start: map(range.start), end: map(range.end))
    }

    func describe(_ range: SourceRange) -> String {
        let location = map(range.start)
        return "\(origin.file.name):\(location.line):\(location.column)"
    }
}

/// One place in the call trace of an error: the function, where in it the error passed,
/// and how many consecutive frames were at that same place.
struct TraceEntry {
    let function: String
    let range: SourceRange
    let block: BlockInfo
    var count = 1

    func isSamePlace(function: String, range: SourceRange, block: BlockInfo) -> Bool {
        self.function == function && self.range == range && self.block === block
    }
}

extension RuntimeError {
    /// Adds a frame the error is leaving to the trace, folding it into the previous entry
    /// when it is at the same place (a recursive call).
    mutating func addFrame(function: String, range: SourceRange, block: BlockInfo) {
        if omittedFrames == 0, let last = trace.indices.last,
           trace[last].isSamePlace(function: function, range: range, block: block) {
            trace[last].count += 1
        } else if trace.count < RuntimeError.traceLimit {
            trace.append(TraceEntry(function: function, range: range, block: block))
        } else {
            omittedFrames += 1
        }
    }

    /// The diagnostic for this error; `fallback` is used when no position was attached.
    func diagnostic(fallback: BlockInfo) -> Diagnostic {
        let block = self.block ?? fallback
        let range = self.range ?? SourceRange(line: 1, column: 1)
        var notes: [String] = []
        for frame in trace {
            let repeated = frame.count > 1 ? " (\(frame.count) times)" : ""
            notes.append("  in \(frame.function)() at \(frame.block.describe(frame.range))\(repeated)")
        }
        if omittedFrames > 0 { notes.append("  … \(omittedFrames) more calls") }
        if !trace.isEmpty, let current, let currentBlock {
            notes.append("  called from \(currentBlock.describe(current))")
        }
        return Diagnostic(.error, id: id, message, file: block.origin.file, range: block.map(range), notes: notes)
    }
}

/// Where an expression is, for errors raised while evaluating it; one small object so that
/// compiled closures capture a single reference instead of a range and a block.
final class ErrorSite {
    let range: SourceRange
    let block: BlockInfo

    init(_ range: SourceRange, _ block: BlockInfo) {
        self.range = range
        self.block = block
    }

    /// The error with this position attached (when it has none yet).
    @inline(never)
    func locate(_ error: Error) -> Error {
        guard var error = error as? RuntimeError else { return error }
        error.locate(range, in: block)
        return error
    }
}
