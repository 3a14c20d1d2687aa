import Diagnostics

/// Binary operators, spelled as in the source.
public enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//"
    case modulo = "%", power = "**", matmul = "@"
}

/// Comparison operators (`not in` and `is not` included).
public enum CompareOperator: String, Sendable, CaseIterable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">"
    case greaterEqual = ">=", contains = "in", notContains = "not in", identical = "is"
    case notIdentical = "is not"
}

/// Unary operators.
public enum UnaryOperator: String, Sendable {
    case negate = "-", plus = "+", not = "not"
}

/// An expression and where it is in the block.
public struct Expr: Sendable {
    /// What the expression is.
    public var kind: ExprKind
    /// Where it is.
    public var range: SourceRange

    /// Makes an expression.
    public init(_ kind: ExprKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// One argument of a call: positional when `name` is nil.
public struct Argument: Sendable {
    /// The keyword, for a keyword argument.
    public var name: String?
    /// The value; `star` marks `*args` unpacking.
    public var value: Expr
    /// Whether this is `*value` (positional unpacking).
    public var star: Bool
}

/// One `for … in … if …` clause of a comprehension.
public struct ComprehensionClause: Sendable {
    /// The loop target.
    public var target: Expr
    /// The iterated expression.
    public var iterable: Expr
    /// The `if` filters.
    public var conditions: [Expr]
}

/// One piece of an f-string expression.
public enum FStringSegment: Sendable {
    /// Literal text.
    case literal(String)
    /// A replacement field.
    case field(Expr, conversion: Character?, spec: String)
}

/// A function's parameter list: `def f(a, b=1, *args, c, d=2, **kw)`.
public struct Parameters: Sendable {
    /// Positional-or-keyword parameters with their optional defaults.
    public var positional: [(name: String, defaultValue: Expr?)] = []
    /// The `*args` parameter's name, if any.
    public var varargs: String?
    /// Keyword-only parameters with their optional defaults.
    public var keywordOnly: [(name: String, defaultValue: Expr?)] = []
    /// The `**kwargs` parameter's name, if any.
    public var kwargs: String?

    /// Makes an empty parameter list.
    public init() {}

    /// Every parameter name, in slot order.
    public var names: [String] {
        positional.map(\.name) + (varargs.map { [$0] } ?? []) + keywordOnly.map(\.name) + (kwargs.map { [$0] } ?? [])
    }
}

/// The kinds of expression.
public indirect enum ExprKind: Sendable {
    case name(String)
    case int(Int)
    case float(Double)
    case string(String)
    case fstring([FStringSegment])
    case bool(Bool)
    case none
    case list([Expr])
    case tuple([Expr])
    case dict([(key: Expr, value: Expr)])
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    case compare(Expr, [(CompareOperator, Expr)])
    case and(Expr, Expr)
    case or(Expr, Expr)
    case call(Expr, [Argument])
    case attribute(Expr, String, SourceRange)
    case `subscript`(Expr, Expr)
    case slice(Expr?, Expr?, Expr?)
    case lambda(Parameters, Expr)
    case conditional(condition: Expr, then: Expr, otherwise: Expr)
    case listComprehension(Expr, [ComprehensionClause])
    case starred(Expr)
    /// A placeholder left where a syntax error was.
    case error
}

/// A statement and where it is.
public struct Stmt: Sendable {
    /// What the statement is.
    public var kind: StmtKind
    /// Where it is (its first line, for compound statements the header).
    public var range: SourceRange

    /// Makes a statement.
    public init(_ kind: StmtKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// The kinds of statement.
public indirect enum StmtKind: Sendable {
    case expression(Expr)
    case assign(targets: [Expr], value: Expr)
    case augmented(Expr, BinaryOperator, Expr)
    case function(name: String, Parameters, body: [Stmt])
    case `return`(Expr?)
    case `if`(Expr, then: [Stmt], otherwise: [Stmt])
    case `for`(target: Expr, iterable: Expr, body: [Stmt], otherwise: [Stmt])
    case `while`(Expr, body: [Stmt], otherwise: [Stmt])
    case `break`, `continue`, pass
    case assert(Expr, message: Expr?)
    case with(Expr, name: Expr?, body: [Stmt])
    case global([String])
    case nonlocal([String])
    case delete([Expr])
}
