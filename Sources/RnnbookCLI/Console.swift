import Foundation

/// Where the commands write: standard output and error, or buffers in tests.
public final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private let writeOut: (String) -> Void
    private let writeError: (String) -> Void
    /// Whether standard output is a terminal (live progress is drawn only then).
    public let isTerminal: Bool

    /// Makes a console from two writers.
    public init(isTerminal: Bool = false, out: @escaping (String) -> Void, error: @escaping (String) -> Void) {
        self.isTerminal = isTerminal
        self.writeOut = out
        self.writeError = error
    }

    /// The process's standard output and error.
    public static let standard = Console(
        isTerminal: isatty(STDOUT_FILENO) == 1,
        out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
        error: { text in FileHandle.standardError.write(Data(text.utf8)) })

    /// The console commands write to; tests bind their own with `Console.$current.withValue`.
    @TaskLocal public static var current: Console = .standard

    /// Writes a line to standard output.
    public func print(_ text: String = "", terminator: String = "\n") {
        lock.withLock { writeOut(text + terminator) }
    }

    /// Writes a line to standard error.
    public func printError(_ text: String, terminator: String = "\n") {
        lock.withLock { writeError(text + terminator) }
    }
}

/// A console that keeps what is written, for tests.
public final class CapturedConsole: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errorText = ""

    /// Whether the captured console claims to be a terminal.
    let isTerminal: Bool

    /// Makes an empty capture.
    public init(isTerminal: Bool = false) {
        self.isTerminal = isTerminal
    }

    /// The console that writes into this capture.
    public var console: Console {
        Console(
            isTerminal: isTerminal,
            out: { [self] text in lock.withLock { outText += text } },
            error: { [self] text in lock.withLock { errorText += text } })
    }

    /// What was written to standard output.
    public var out: String { lock.withLock { outText } }
    /// What was written to standard error.
    public var error: String { lock.withLock { errorText } }
}
