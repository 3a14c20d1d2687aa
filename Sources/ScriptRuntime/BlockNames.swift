import ScriptSyntax

/// The global names a block of code binds and reads, decided as Python decides scopes:
/// what a grader needs to know which blocks depend on which.
public struct BlockNames: Sendable, Equatable {
    /// Names the block may bind at the top level: assignment and loop targets, `def` and
    /// `class` names, and names its functions declare `global`.
    public var binds: Set<String>
    /// Names the block, or a function it defines, may read or write at the top level: a
    /// superset of what it depends on.
    public var reads: Set<String>

    /// Makes names from sets.
    public init(binds: Set<String>, reads: Set<String>) {
        self.binds = binds
        self.reads = reads
    }

    /// The names of a block's code; nil when it does not parse (nothing can be said of it).
    public static func of(_ code: String) -> BlockNames? {
        let parsed = Parser.parse(code)
        guard parsed.issues.isEmpty else { return nil }
        var analysis = NameAnalysis()
        analysis.visit(parsed.statements)
        return BlockNames(
            binds: analysis.assigned.union(analysis.nestedGlobals),
            reads: analysis.used.union(analysis.nestedFree).union(analysis.nestedGlobals))
    }
}
