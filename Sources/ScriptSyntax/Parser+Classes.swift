import Diagnostics

extension Parser {
    /// `class Name:` or `class Name(Base, …):` and its body.
    mutating func classDefinition() throws -> Stmt {
        let start = advance()
        let name = try expectName("a class name after 'class'")
        var bases: [Argument] = []
        if at("(") {
            let opener = advance()
            bases = try argumentList()
            try closing(")", opener: opener)
        }
        let header = range(from: start)
        let body = try suite("the class header")
        var fields: [String] = []
        for statement in body {
            if case .annotated(let target, _, _) = statement.kind, case .name(let field) = target.kind,
               !fields.contains(field) {
                fields.append(field)
            }
        }
        return Stmt(.classDef(name: name.text, bases: bases, body: body, fields: fields), header)
    }

    /// `@decorator` lines, then the `def` or `class` they decorate.
    mutating func decorated() throws -> Stmt {
        let start = current
        var decorators: [Expr] = []
        while at("@") {
            _ = advance()
            decorators.append(try test())
            guard current.kind == .newline else {
                throw error("expected end of line after the decorator, found \(describe(current))")
            }
            _ = advance()
        }
        let definition: Stmt
        if atKeyword("def") {
            definition = try functionDefinition()
        } else if atKeyword("class") {
            definition = try classDefinition()
        } else {
            throw error("expected 'def' or 'class' after a decorator, found \(describe(current))")
        }
        return Stmt(.decorated(decorators, definition), SourceRange(start: start.range.start, end: definition.range.end))
    }

    /// `try:` with `except` clauses, `else` and `finally`.
    mutating func tryStatement() throws -> Stmt {
        let start = advance()
        let header = range(from: start)
        let body = try suite("'try'")
        var handlers: [ExceptHandler] = []
        while atKeyword("except") {
            let clause = advance()
            if let bare = handlers.last, bare.type == nil {
                throw error("a bare 'except:' must be the last except clause", at: clause)
            }
            var type: Expr?
            var name: String?
            if !at(":") {
                if at("*") { throw error("'except*' (exception groups) is not supported in rnn code", id: "unsupported") }
                type = try test()
                if at(",") {
                    throw error("multiple exception types must be parenthesized: except (A, B):")
                }
                if acceptKeyword("as") { name = try expectName("a name after 'as'").text }
            }
            let clauseRange = range(from: clause)
            handlers.append(ExceptHandler(type: type, name: name, body: try suite("'except'"), range: clauseRange))
        }
        var otherwise: [Stmt] = []
        if atKeyword("else") {
            if handlers.isEmpty { throw error("'else' after 'try' needs an 'except' clause") }
            _ = advance()
            otherwise = try suite("'else'")
        }
        var final: [Stmt] = []
        if acceptKeyword("finally") { final = try suite("'finally'") }
        if handlers.isEmpty && !tokens[index - 1].isKeyword("finally") && final.isEmpty {
            throw error("expected 'except' or 'finally' after the 'try' block, found \(describe(current))")
        }
        return Stmt(.try(body: body, handlers: handlers, otherwise: otherwise, finally: final), header)
    }

    /// `raise`, `raise E`, `raise E from cause` (the keyword already seen).
    mutating func raiseStatement() throws -> Stmt {
        let start = advance()
        let atEnd = current.kind == .newline || current.kind == .end || current.kind == .dedent || at(";")
        guard !atEnd else { return Stmt(.raise(nil, cause: nil), range(from: start)) }
        let exception = try test()
        let cause = acceptKeyword("from") ? try test() : nil
        return Stmt(.raise(exception, cause: cause), range(from: start))
    }

    /// The rest of `target: annotation [= value]`, the target parsed and the `:` current.
    mutating func annotatedAssignment(_ target: Expr, from start: Token) throws -> Stmt {
        switch target.kind {
        case .name, .attribute, .subscript: break
        default: throw error("only a name, an attribute or a subscript can be annotated")
        }
        _ = advance()
        let first = index
        _ = try test()
        let annotation = tokens[first..<index].map(\.text).joined()
        let value = accept("=") ? try testList(allowStar: true) : nil
        return Stmt(.annotated(target: target, annotation: annotation, value: value), range(from: start))
    }
}
