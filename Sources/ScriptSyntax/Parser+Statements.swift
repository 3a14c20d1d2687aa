import Diagnostics

extension Parser {
    func range(from start: Token) -> SourceRange {
        SourceRange(start: start.range.start, end: max(previousEnd, start.range.start))
    }

    mutating func ifStatement() throws -> Stmt {
        let start = advance()
        let condition = try test()
        let header = range(from: start)
        let body = try suite("'if' condition")
        var otherwise: [Stmt] = []
        if atKeyword("elif") {
            otherwise = [try ifStatement()]
        } else if acceptKeyword("else") {
            otherwise = try suite("'else'")
        }
        return Stmt(.if(condition, then: body, otherwise: otherwise), header)
    }

    mutating func whileStatement() throws -> Stmt {
        let start = advance()
        let condition = try test()
        let header = range(from: start)
        let body = try suite("'while' condition")
        let otherwise = acceptKeyword("else") ? try suite("'else'") : []
        return Stmt(.while(condition, body: body, otherwise: otherwise), header)
    }

    mutating func forStatement() throws -> Stmt {
        let start = advance()
        let target = try targetList()
        guard acceptKeyword("in") else {
            throw error("expected 'in' after the 'for' target, found \(describe(current))")
        }
        let iterable = try testList(allowStar: true)
        let header = range(from: start)
        let body = try suite("'for' clause")
        let otherwise = acceptKeyword("else") ? try suite("'else'") : []
        return Stmt(.for(target: target, iterable: iterable, body: body, otherwise: otherwise), header)
    }

    mutating func withStatement() throws -> Stmt {
        let start = advance()
        let context = try test()
        var name: Expr?
        if acceptKeyword("as") {
            name = try targetList()
        }
        let header = range(from: start)
        let body = try suite("'with' statement")
        return Stmt(.with(context, name: name, body: body), header)
    }

    mutating func functionDefinition() throws -> Stmt {
        let start = advance()
        let name = try expectName("a function name after 'def'")
        try expect("(", "after the function name")
        let parameters = try parameterList(closing: ")")
        try expect(")", "to close the parameter list")
        if accept("->") { _ = try test() }
        let header = range(from: start)
        let body = try suite("the function header")
        return Stmt(.function(name: name.text, parameters, body: body), header)
    }

    /// Parses parameters up to (not including) `closing`.
    mutating func parameterList(closing: String) throws -> Parameters {
        var parameters = Parameters()
        var seen = Set<String>()
        var keywordOnly = false
        while !at(closing) {
            let before = index
            if accept("**") {
                let name = try expectName("a parameter name after '**'")
                parameters.kwargs = name.text
                try checkDuplicate(name, &seen)
            } else if accept("*") {
                if keywordOnly { throw error("only one '*' is allowed in a parameter list") }
                keywordOnly = true
                if current.kind == .name {
                    let name = advance()
                    try checkDuplicate(name, &seen)
                    parameters.varargs = name.text
                }
            } else {
                if parameters.kwargs != nil { throw error("parameters cannot follow '**\(parameters.kwargs ?? "")'") }
                let name = try expectName("a parameter name")
                try checkDuplicate(name, &seen)
                if closing == ")", accept(":") { _ = try test() }
                var defaultValue: Expr?
                if accept("=") { defaultValue = try test() }
                if keywordOnly {
                    parameters.keywordOnly.append((name.text, defaultValue))
                } else {
                    if defaultValue == nil, parameters.positional.last?.defaultValue != nil {
                        throw error("parameter without a default follows a parameter with a default", at: name)
                    }
                    parameters.positional.append((name.text, defaultValue))
                }
            }
            if !accept(",") { break }
            if index == before { throw error("unexpected \(describe(current)) in parameters") }
        }
        return parameters
    }

    func checkDuplicate(_ name: Token, _ seen: inout Set<String>) throws {
        if !seen.insert(name.text).inserted {
            throw error("duplicate parameter '\(name.text)'", at: name)
        }
    }

    /// Parses simple statements separated by `;` up to the end of the line.
    mutating func simpleStatements() throws -> [Stmt] {
        var result = [try simpleStatement()]
        while accept(";") {
            if current.kind == .newline || current.kind == .end { break }
            result.append(try simpleStatement())
        }
        guard current.kind == .newline || current.kind == .end || current.kind == .dedent else {
            throw error("expected end of line, found \(describe(current))")
        }
        if current.kind == .newline { _ = advance() }
        return result
    }

    mutating func simpleStatement() throws -> Stmt {
        let start = current
        if start.kind == .keyword {
            switch start.text {
            case "pass": _ = advance(); return Stmt(.pass, start.range)
            case "break": _ = advance(); return Stmt(.break, start.range)
            case "continue": _ = advance(); return Stmt(.continue, start.range)
            case "return":
                _ = advance()
                let atEnd = current.kind == .newline || current.kind == .end || at(";")
                let value = atEnd ? nil : try testList(allowStar: true)
                return Stmt(.return(value), range(from: start))
            case "assert":
                _ = advance()
                let condition = try test()
                let message = accept(",") ? try test() : nil
                return Stmt(.assert(condition, message: message), range(from: start))
            case "global", "nonlocal":
                _ = advance()
                var names = [try expectName("a name").text]
                while accept(",") { names.append(try expectName("a name").text) }
                return Stmt(start.text == "global" ? .global(names) : .nonlocal(names), range(from: start))
            case "import", "from":
                return try importStatement()
            case "raise":
                return try raiseStatement()
            case "del":
                _ = advance()
                let targets = try testList(allowStar: false)
                if case .tuple(let items) = targets.kind { return Stmt(.delete(items), range(from: start)) }
                return Stmt(.delete([targets]), range(from: start))
            default: break
            }
        }
        let first = try testList(allowStar: true)
        if at(":") { return try annotatedAssignment(first, from: start) }
        if at("=") {
            var targets = [first]
            var value = first
            while accept("=") {
                value = try testList(allowStar: true)
                targets.append(value)
            }
            targets.removeLast()
            for target in targets { try checkTarget(target) }
            return Stmt(.assign(targets: targets, value: value), range(from: start))
        }
        if current.kind == .op, current.text.count >= 2, current.text.hasSuffix("="),
           let op = BinaryOperator(rawValue: String(current.text.dropLast())) {
            let opToken = advance()
            switch first.kind {
            case .name, .attribute, .subscript: break
            default: throw error("cannot use '\(opToken.text)' on this target", at: opToken)
            }
            let value = try testList(allowStar: false)
            return Stmt(.augmented(first, op, value), range(from: start))
        }
        return Stmt(.expression(first), first.range)
    }

    func checkTarget(_ target: Expr) throws {
        switch target.kind {
        case .name, .attribute, .subscript: return
        case .tuple(let items), .list(let items):
            for item in items { try checkTarget(item) }
        case .starred(let inner): try checkTarget(inner)
        default:
            let token = Token(kind: .op, text: "", offset: 0, endOffset: 0, range: target.range)
            throw error("cannot assign to this expression", at: token, id: "bad-target")
        }
    }
}

extension Parser {
    /// `import a.b [as c], …` and `from a.b import x [as y], … | *`, written as assignments
    /// from the built-in `__import__(module[, name])`, which knows the modules rnnbook
    /// provides (their names are also built in): `import torch.nn as nn` is
    /// `nn = __import__("torch.nn")`, `from torch import nn` is `nn = __import__("torch", "nn")`,
    /// `import torch.nn` binds `torch`, and `from torch import *` only checks the module.
    mutating func importStatement() throws -> Stmt {
        let start = advance()
        func importCall(_ module: String, _ name: String?, _ range: SourceRange) -> Expr {
            var arguments = [Argument(name: nil, value: Expr(.string(module), range), star: false)]
            if let name { arguments.append(Argument(name: nil, value: Expr(.string(name), range), star: false)) }
            return Expr(.call(Expr(.name("__import__"), range), arguments), range)
        }
        func call(_ module: String, _ name: String?, _ range: SourceRange) -> Expr { importCall(module, name, range) }
        func dottedName() throws -> (String, SourceRange) {
            let first = try expectName("a module name")
            var parts = [first.text]
            var end = first.range.end
            while accept(".") {
                let part = try expectName("a module name after '.'")
                parts.append(part.text)
                end = part.range.end
            }
            return (parts.joined(separator: "."), SourceRange(start: first.range.start, end: end))
        }
        var targets: [Expr] = []
        var values: [Expr] = []
        if start.text == "import" {
            repeat {
                let (module, range) = try dottedName()
                if acceptKeyword("as") {
                    let alias = try expectName("a name after 'as'")
                    targets.append(Expr(.name(alias.text), alias.range))
                    values.append(call(module, nil, range))
                } else {
                    let top = String(module.split(separator: ".")[0])
                    targets.append(Expr(.name(top), range))
                    // `import torch.nn` checks that torch.nn exists, then binds torch.
                    values.append(module == top ? call(module, nil, range) : call(module, "..", range))
                }
            } while accept(",")
        } else {
            // `from .rnn import X`, `from . import rnn`: relative to the importing module's
            // package, which `__package__` names at run time (None in a notebook).
            var dots = 0
            while at(".") || at("...") { dots += advance().text.count }
            var (module, moduleRange) = try dots > 0 && atKeyword("import") ? ("", start.range) : dottedName()
            if dots > 0 {
                module = String(repeating: ".", count: dots) + module
                moduleRange = SourceRange(start: start.range.start, end: moduleRange.end)
            }
            func call(_ module: String, _ name: String?, _ range: SourceRange) -> Expr {
                var expression = importCall(module, name, range)
                if dots > 0, case .call(let callee, var arguments) = expression.kind {
                    arguments.append(Argument(name: nil, value: Expr(.name("__package__"), range), star: false))
                    expression = Expr(.call(callee, arguments), range)
                }
                return expression
            }
            guard acceptKeyword("import") else {
                throw error("expected 'import' after the module name, found \(describe(current))")
            }
            if at("*") {
                let star = advance()
                return Stmt(.expression(call(module, "*", SourceRange(start: moduleRange.start, end: star.range.end))),
                            range(from: start))
            }
            let parenthesized = accept("(")
            repeat {
                if parenthesized && at(")") { break }
                let name = try expectName("a name to import")
                var target = name
                if acceptKeyword("as") { target = try expectName("a name after 'as'") }
                targets.append(Expr(.name(target.text), target.range))
                values.append(call(module, name.text, name.range))
            } while accept(",")
            if parenthesized { try expect(")", "to close the imported names") }
        }
        let whole = range(from: start)
        if targets.count == 1 { return Stmt(.assign(targets: targets, value: values[0]), whole) }
        return Stmt(.assign(targets: [Expr(.tuple(targets), whole)], value: Expr(.tuple(values), whole)), whole)
    }
}
