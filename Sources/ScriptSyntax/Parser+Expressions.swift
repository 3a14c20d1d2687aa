import Diagnostics

extension Parser {
    func span(_ first: Expr, _ last: Expr) -> SourceRange {
        SourceRange(start: first.range.start, end: last.range.end)
    }

    /// `a, b, c` (a tuple when there is a comma), or one expression.
    mutating func testList(allowStar: Bool) throws -> Expr {
        let first = try allowStar && at("*") ? starred() : test()
        guard at(",") else { return first }
        var items = [first]
        while accept(",") {
            if !startsExpression() { break }
            items.append(try allowStar && at("*") ? starred() : test())
        }
        return Expr(.tuple(items), span(first, items[items.count - 1]))
    }

    /// The target of `for`: names, attributes, subscripts, possibly a tuple; stops before `in`.
    mutating func targetList() throws -> Expr {
        let first = try at("*") ? starred(noIn: true) : orExpression(noIn: true)
        var items = [first]
        while accept(",") {
            if !startsExpression() { break }
            items.append(try at("*") ? starred(noIn: true) : orExpression(noIn: true))
        }
        let target = items.count == 1 && !tokens[index - 1].isOp(",") ? first : Expr(.tuple(items), span(first, items[items.count - 1]))
        try checkTarget(target)
        return target
    }

    mutating func starred(noIn: Bool = false) throws -> Expr {
        let star = advance()
        let inner = try orExpression(noIn: noIn)
        return Expr(.starred(inner), SourceRange(start: star.range.start, end: inner.range.end))
    }

    func startsExpression() -> Bool {
        switch current.kind {
        case .name, .int, .float, .string, .fstring: return true
        case .keyword: return ["not", "lambda", "True", "False", "None"].contains(current.text)
        case .op: return ["(", "[", "{", "-", "+", "*", "~", "..."].contains(current.text)
        default: return false
        }
    }

    /// A full expression: lambda, conditional, or an `or` chain.
    mutating func test() throws -> Expr {
        try nest()
        defer { nesting -= 1 }
        if atKeyword("lambda") {
            let start = advance()
            let parameters = try parameterList(closing: ":")
            try expect(":", "after the lambda's parameters")
            let body = try test()
            return Expr(.lambda(parameters, body), SourceRange(start: start.range.start, end: body.range.end))
        }
        let value = try orExpression()
        if atKeyword("if") {
            let save = index
            _ = advance()
            let condition = try orExpression()
            guard acceptKeyword("else") else {
                if current.kind == .op && current.text == "]" || atKeyword("for") {
                    index = save
                    return value
                }
                throw error("expected 'else' in the conditional expression, found \(describe(current))")
            }
            let otherwise = try test()
            return Expr(.conditional(condition: condition, then: value, otherwise: otherwise), span(value, otherwise))
        }
        return value
    }

    mutating func orExpression(noIn: Bool = false) throws -> Expr {
        var left = try andExpression(noIn: noIn)
        var links = 0
        while acceptKeyword("or") {
            try chain(&links)
            let right = try andExpression(noIn: noIn)
            left = Expr(.or(left, right), span(left, right))
        }
        return left
    }

    mutating func andExpression(noIn: Bool) throws -> Expr {
        var left = try notExpression(noIn: noIn)
        var links = 0
        while acceptKeyword("and") {
            try chain(&links)
            let right = try notExpression(noIn: noIn)
            left = Expr(.and(left, right), span(left, right))
        }
        return left
    }

    mutating func notExpression(noIn: Bool) throws -> Expr {
        if atKeyword("not") {
            let start = advance()
            try nest()
            defer { nesting -= 1 }
            let operand = try notExpression(noIn: noIn)
            return Expr(.unary(.not, operand), SourceRange(start: start.range.start, end: operand.range.end))
        }
        return try comparison(noIn: noIn)
    }

    mutating func comparisonOperator(noIn: Bool) -> CompareOperator? {
        if current.kind == .op, let op = CompareOperator(rawValue: current.text), op != .contains {
            _ = advance()
            return op
        }
        if !noIn, acceptKeyword("in") { return .contains }
        if atKeyword("not"), peekToken(1).isKeyword("in"), !noIn {
            index += 2
            return .notContains
        }
        if acceptKeyword("is") { return acceptKeyword("not") ? .notIdentical : .identical }
        return nil
    }

    mutating func comparison(noIn: Bool) throws -> Expr {
        let first = try bitwiseOr()
        var rest: [(CompareOperator, Expr)] = []
        while let op = comparisonOperator(noIn: noIn) {
            rest.append((op, try bitwiseOr()))
        }
        guard let last = rest.last else { return first }
        return Expr(.compare(first, rest), span(first, last.1))
    }

    /// `a | b`, which binds tighter than comparisons and looser than `^`, as in Python.
    mutating func bitwiseOr() throws -> Expr {
        var left = try bitwiseXor()
        var links = 0
        while accept("|") {
            try chain(&links)
            let right = try bitwiseXor()
            left = Expr(.binary(.bitOr, left, right), span(left, right))
        }
        return left
    }

    /// `a ^ b`, between `|` and `&`.
    mutating func bitwiseXor() throws -> Expr {
        var left = try bitwiseAnd()
        var links = 0
        while accept("^") {
            try chain(&links)
            let right = try bitwiseAnd()
            left = Expr(.binary(.bitXor, left, right), span(left, right))
        }
        return left
    }

    /// `a & b`, between `^` and the shifts.
    mutating func bitwiseAnd() throws -> Expr {
        var left = try shift()
        var links = 0
        while accept("&") {
            try chain(&links)
            let right = try shift()
            left = Expr(.binary(.bitAnd, left, right), span(left, right))
        }
        return left
    }

    /// `a << b` and `a >> b`, between `&` and `+ -`.
    mutating func shift() throws -> Expr {
        var left = try arithmetic()
        var links = 0
        while current.kind == .op, current.text == "<<" || current.text == ">>" {
            try chain(&links)
            let op = advance()
            let right = try arithmetic()
            left = Expr(.binary(op.text == "<<" ? .leftShift : .rightShift, left, right), span(left, right))
        }
        return left
    }

    mutating func arithmetic() throws -> Expr {
        var left = try term()
        var links = 0
        while current.kind == .op, current.text == "+" || current.text == "-" {
            try chain(&links)
            let op = advance()
            let right = try term()
            left = Expr(.binary(op.text == "+" ? .add : .subtract, left, right), span(left, right))
        }
        return left
    }

    mutating func term() throws -> Expr {
        var left = try factor()
        var links = 0
        while current.kind == .op, ["*", "/", "//", "%", "@"].contains(current.text),
              let op = BinaryOperator(rawValue: current.text) {
            try chain(&links)
            _ = advance()
            let right = try factor()
            left = Expr(.binary(op, left, right), span(left, right))
        }
        return left
    }

    mutating func factor() throws -> Expr {
        if current.kind == .op, let op = UnaryOperator(rawValue: current.text) {
            let token = advance()
            try nest()
            defer { nesting -= 1 }
            let operand = try factor()
            let range = SourceRange(start: token.range.start, end: operand.range.end)
            if op == .negate, case .int(let value) = operand.kind { return Expr(.int(-value), range) }
            if op == .negate, case .float(let value) = operand.kind { return Expr(.float(-value), range) }
            return Expr(.unary(op, operand), range)
        }
        return try power()
    }

    mutating func power() throws -> Expr {
        let base = try postfix()
        if accept("**") {
            try nest()
            defer { nesting -= 1 }
            let exponent = try factor()
            return Expr(.binary(.power, base, exponent), span(base, exponent))
        }
        return base
    }
}
