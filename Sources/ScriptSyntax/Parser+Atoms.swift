import Diagnostics

extension Parser {
    /// An atom followed by calls, subscripts and attributes.
    mutating func postfix() throws -> Expr {
        var value = try atom()
        // Each trailer nests the tree one level deeper (`f()()()…` is a call of a call of a
        // call), so trailers count against the nesting limit too: the compiler's walk of a
        // chain of 100,000 calls would overflow the stack.
        var trailers = 0
        defer { nesting -= trailers }
        while true {
            let before = index
            if current.isOp("(") || current.isOp("[") || current.isOp(".") {
                try nest()
                trailers += 1
            }
            if accept("(") {
                let arguments = try argumentList()
                try closing(")", opener: tokens[before])
                value = Expr(.call(value, arguments), SourceRange(start: value.range.start, end: previousEnd))
            } else if accept("[") {
                let index = try subscriptList()
                try closing("]", opener: tokens[before])
                value = Expr(.subscript(value, index), SourceRange(start: value.range.start, end: previousEnd))
            } else if accept(".") {
                let name = try expectName("an attribute name after '.'")
                value = Expr(.attribute(value, name.text, name.range), SourceRange(start: value.range.start, end: name.range.end))
            } else {
                return value
            }
        }
    }

    /// Expects a closing bracket; at the end of the block, blames the opener that was never closed.
    mutating func closing(_ op: String, opener: Token) throws {
        if accept(op) { return }
        if current.kind == .end || current.kind == .dedent || current.kind == .newline && current.offset >= tokens[tokens.count - 1].offset {
            throw error("'\(opener.text)' was never closed", at: opener, id: "unclosed")
        }
        throw error("expected '\(op)' to close the '\(opener.text)' at ", place: opener.range.start,
                    ", found \(describe(current))")
    }

    mutating func argumentList() throws -> [Argument] {
        var arguments: [Argument] = []
        var sawKeyword = false
        while !at(")") {
            let before = index
            if accept("*") {
                arguments.append(Argument(name: nil, value: try test(), star: true))
            } else if accept("**") {
                arguments.append(Argument(name: nil, value: try test(), star: false, doubleStar: true))
                sawKeyword = true
            } else if current.kind == .name, peekToken(1).isOp("=") {
                let name = advance()
                _ = advance()
                if arguments.contains(where: { $0.name == name.text }) {
                    throw error("keyword argument '\(name.text)' repeated", at: name)
                }
                arguments.append(Argument(name: name.text, value: try test(), star: false))
                sawKeyword = true
            } else {
                let start = current
                let value = try test()
                if sawKeyword { throw error("positional argument follows keyword argument", at: start) }
                if atKeyword("for") {
                    let clauses = try comprehensionClauses()
                    let range = SourceRange(start: value.range.start, end: previousEnd)
                    arguments.append(Argument(name: nil, value: Expr(.listComprehension(value, clauses), range), star: false))
                } else {
                    arguments.append(Argument(name: nil, value: value, star: false))
                }
            }
            if !accept(",") { break }
            if index == before { throw error("unexpected \(describe(current))") }
        }
        return arguments
    }

    mutating func subscriptList() throws -> Expr {
        let first = try subscriptItem()
        guard at(",") else { return first }
        var items = [first]
        while accept(",") {
            if at("]") { break }
            items.append(try subscriptItem())
        }
        return Expr(.tuple(items), span(first, items[items.count - 1]))
    }

    mutating func subscriptItem() throws -> Expr {
        let start = current
        var lower: Expr?
        if !at(":") {
            lower = try test()
            if !at(":") { return lower ?? Expr(.error, start.range) }
        }
        _ = advance()
        func boundary(_ parser: Parser) -> Bool {
            parser.at(":") || parser.at(",") || parser.at("]")
        }
        let upper = boundary(self) ? nil : try test()
        var step: Expr?
        if accept(":") { step = boundary(self) ? nil : try test() }
        return Expr(.slice(lower, upper, step), range(from: start))
    }

    mutating func comprehensionClauses() throws -> [ComprehensionClause] {
        var clauses: [ComprehensionClause] = []
        while acceptKeyword("for") {
            let target = try targetList()
            guard acceptKeyword("in") else { throw error("expected 'in' in the comprehension, found \(describe(current))") }
            let iterable = try orExpression()
            var conditions: [Expr] = []
            while acceptKeyword("if") { conditions.append(try orExpression()) }
            clauses.append(ComprehensionClause(target: target, iterable: iterable, conditions: conditions))
        }
        return clauses
    }

    mutating func atom() throws -> Expr {
        let token = current
        switch token.kind {
        case .name:
            _ = advance()
            return Expr(.name(token.text), token.range)
        case .int:
            _ = advance()
            return Expr(.int(token.intValue), token.range)
        case .float:
            _ = advance()
            return Expr(.float(token.floatValue), token.range)
        case .string, .fstring:
            return try strings()
        case .keyword:
            switch token.text {
            case "True", "False":
                _ = advance()
                return Expr(.bool(token.text == "True"), token.range)
            case "None":
                _ = advance()
                return Expr(.none, token.range)
            default:
                throw error("expected an expression, found \(describe(token))")
            }
        case .op where ["(", "[", "{"].contains(token.text):
            // Every bracket counts against the one nesting limit, wherever it is parsed
            // (a comprehension's iterable is not a `test()`, so it is counted here).
            try nest()
            defer { nesting -= 1 }
            switch token.text {
            case "(": return try parenthesized()
            case "[": return try listDisplay()
            default: return try dictDisplay()
            }
        case .op:
            switch token.text {
            case "...":
                _ = advance()
                return Expr(.ellipsis, token.range)
            default: break
            }
        default: break
        }
        throw error("expected an expression, found \(describe(token))")
    }

    mutating func parenthesized() throws -> Expr {
        let open = advance()
        if accept(")") { return Expr(.tuple([]), range(from: open)) }
        let first = try at("*") ? starred() : test()
        if atKeyword("for") {
            let clauses = try comprehensionClauses()
            try closing(")", opener: open)
            return Expr(.listComprehension(first, clauses), range(from: open))
        }
        if accept(")") {
            return Expr(first.kind, range(from: open))
        }
        var items = [first]
        while accept(",") {
            if at(")") { break }
            items.append(try at("*") ? starred() : test())
        }
        try closing(")", opener: open)
        return Expr(.tuple(items), range(from: open))
    }

    mutating func listDisplay() throws -> Expr {
        let open = advance()
        var items: [Expr] = []
        while !at("]") {
            let before = index
            let item = try at("*") ? starred() : test()
            if items.isEmpty, atKeyword("for") {
                let clauses = try comprehensionClauses()
                try closing("]", opener: open)
                return Expr(.listComprehension(item, clauses), range(from: open))
            }
            items.append(item)
            if !accept(",") { break }
            if index == before { throw error("unexpected \(describe(current))") }
        }
        try closing("]", opener: open)
        return Expr(.list(items), range(from: open))
    }

    /// `{k: v, …}` or `{k: v for … in … if …}`; `{a, b}` and `{x for … in …}` are sets,
    /// written as a call of the built-in `__set__` on a list (see `setDisplay`).
    mutating func dictDisplay() throws -> Expr {
        let open = advance()
        var entries: [(key: Expr, value: Expr)] = []
        while !at("}") {
            let before = index
            if entries.isEmpty, at("*") { return try setDisplay(open, first: try starred()) }
            let key = try test()
            guard accept(":") else {
                if entries.isEmpty { return try setDisplay(open, first: key) }
                throw error("expected ':' after a dict key, found \(describe(current))")
            }
            let value = try test()
            if entries.isEmpty, atKeyword("for") {
                let clauses = try comprehensionClauses()
                try closing("}", opener: open)
                return Expr(.dictComprehension(key: key, value: value, clauses), range(from: open))
            }
            entries.append((key, value))
            if !accept(",") { break }
            if index == before { throw error("unexpected \(describe(current))") }
        }
        try closing("}", opener: open)
        return Expr(.dict(entries), range(from: open))
    }

    /// The rest of a set display `{a, b, *c}` or comprehension `{x for x in xs}` after its
    /// first item: `__set__([…])`, so that a user's own `set = …` does not change it.
    mutating func setDisplay(_ open: Token, first: Expr) throws -> Expr {
        var items = [first]
        if case .starred = first.kind {} else if atKeyword("for") {
            let clauses = try comprehensionClauses()
            try closing("}", opener: open)
            let whole = range(from: open)
            return setCall(Expr(.listComprehension(first, clauses), whole), whole)
        }
        while accept(",") {
            if at("}") { break }
            let before = index
            items.append(try at("*") ? starred() : test())
            if index == before { throw error("unexpected \(describe(current))") }
        }
        try closing("}", opener: open)
        let whole = range(from: open)
        return setCall(Expr(.list(items), whole), whole)
    }

    func setCall(_ list: Expr, _ range: SourceRange) -> Expr {
        Expr(.call(Expr(.name("__set__"), range), [Argument(name: nil, value: list, star: false)]), range)
    }
}
