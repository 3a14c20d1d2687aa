import Diagnostics

/// Binary operators, spelled as in the source.
public enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//"
    case modulo = "%", power = "**", matmul = "@"
    case bitAnd = "&", bitOr = "|", bitXor = "^", leftShift = "<<", rightShift = ">>"

    /// Whether this is one of the bitwise operators `& | ^ << >>`, defined on ints, bools
    /// and integer tensors only.
    public var isBitwise: Bool {
        switch self {
        case .bitAnd, .bitOr, .bitXor, .leftShift, .rightShift: true
        default: false
        }
    }
}

/// Comparison operators (`not in` and `is not` included).
public enum CompareOperator: String, Sendable, CaseIterable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">"
    case greaterEqual = ">=", contains = "in", notContains = "not in", identical = "is"
    case notIdentical = "is not"
}

/// Unary operators.
public enum UnaryOperator: String, Sendable {
    case negate = "-", plus = "+", not = "not", invert = "~"
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
    /// Whether this is `**value` (keyword unpacking of a dict); then `name` is nil.
    public var doubleStar = false
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
    /// A replacement field; its spec is literal text and, for `{x:>{width}}`, fields.
    case field(Expr, conversion: Character?, spec: [FStringSegment])
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
    /// A name: `hidden`.
    case name(String)
    /// An int literal.
    case int(Int)
    /// A float literal.
    case float(Double)
    /// A string literal (adjacent literals joined).
    case string(String)
    /// An f-string.
    case fstring([FStringSegment])
    /// `True` or `False`.
    case bool(Bool)
    /// `None`.
    case none
    /// `...` (the `Ellipsis` object), as in `x[..., 0]`.
    case ellipsis
    /// A list display `[a, b]` (items may be starred).
    case list([Expr])
    /// A tuple `(a, b)` or `a, b`.
    case tuple([Expr])
    /// A dict display `{k: v}`.
    case dict([(key: Expr, value: Expr)])
    /// `-x`, `+x`, `~x`, `not x`.
    case unary(UnaryOperator, Expr)
    /// `a op b` for arithmetic, `@` and the bitwise operators.
    case binary(BinaryOperator, Expr, Expr)
    /// A comparison chain `a < b <= c`.
    case compare(Expr, [(CompareOperator, Expr)])
    /// `a and b`.
    case and(Expr, Expr)
    /// `a or b`.
    case or(Expr, Expr)
    /// A call `f(a, k=v)`.
    case call(Expr, [Argument])
    /// `x.name`, with the range of the name.
    case attribute(Expr, String, SourceRange)
    /// `x[index]`; several indices make a tuple.
    case `subscript`(Expr, Expr)
    /// `start:stop:step` inside a subscript.
    case slice(Expr?, Expr?, Expr?)
    /// `lambda params: body`.
    case lambda(Parameters, Expr)
    /// `a if condition else b`.
    case conditional(condition: Expr, then: Expr, otherwise: Expr)
    /// `[element for target in iterable if condition]`.
    case listComprehension(Expr, [ComprehensionClause])
    /// `{key: value for target in iterable if condition}`.
    case dictComprehension(key: Expr, value: Expr, [ComprehensionClause])
    /// `*x` in a display, a call or an assignment target.
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
    /// An expression evaluated for its effect (or displayed when last).
    case expression(Expr)
    /// `a = b = value`, targets may unpack.
    case assign(targets: [Expr], value: Expr)
    /// `x op= value`.
    case augmented(Expr, BinaryOperator, Expr)
    /// `def name(params): body`.
    case function(name: String, Parameters, body: [Stmt])
    /// `return [value]`.
    case `return`(Expr?)
    /// `if/elif/else` (an `elif` is an `if` in `otherwise`).
    case `if`(Expr, then: [Stmt], otherwise: [Stmt])
    /// `for target in iterable: body [else: otherwise]`.
    case `for`(target: Expr, iterable: Expr, body: [Stmt], otherwise: [Stmt])
    /// `while condition: body [else: otherwise]`.
    case `while`(Expr, body: [Stmt], otherwise: [Stmt])
    /// `break`, `continue`, `pass`.
    case `break`, `continue`, pass
    /// `assert condition, message`.
    case assert(Expr, message: Expr?)
    /// `with context [as name]: body`.
    case with(Expr, name: Expr?, body: [Stmt])
    /// `global names`.
    case global([String])
    /// `nonlocal names`.
    case nonlocal([String])
    /// `del targets`.
    case delete([Expr])
    /// `class name(bases): body`; `fields` are the names annotated in the body (`x: int = 0`),
    /// in order, for `@dataclass`.
    case classDef(name: String, bases: [Argument], body: [Stmt], fields: [String])
    /// `@decorator` lines above a `def` or `class` (outermost first).
    case decorated([Expr], Stmt)
    /// `try: body except … else: … finally: …`.
    case `try`(body: [Stmt], handlers: [ExceptHandler], otherwise: [Stmt], finally: [Stmt])
    /// `raise [exception [from cause]]`.
    case raise(Expr?, cause: Expr?)
    /// `target: annotation [= value]`; the annotation is kept as its source text only.
    case annotated(target: Expr, annotation: String, value: Expr?)
}

/// One `except [type [as name]]:` clause of a `try` statement.
public struct ExceptHandler: Sendable {
    /// The exception class (or tuple of classes) matched; nil for a bare `except:`.
    public var type: Expr?
    /// The name bound to the exception, for `except E as name`.
    public var name: String?
    /// The handler's statements.
    public var body: [Stmt]
    /// Where the `except` header is.
    public var range: SourceRange

    /// Makes a handler.
    public init(type: Expr?, name: String?, body: [Stmt], range: SourceRange) {
        self.type = type
        self.name = name
        self.body = body
        self.range = range
    }
}
