import ArgumentParser
import Report

extension Edition: ExpressibleByArgument {
    /// The three editions, for `--help`.
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// The help text of `--edition`.
enum EditionHelp {
    static func text(default edition: Edition) -> ArgumentHelp {
        ArgumentHelp(
            "reader: solutions folded, hidden tests left out; student: the handout, blocks that need an exercise marked; instructor: everything, with check results and run times (default: \(edition.rawValue)).",
            valueName: "edition")
    }
}
