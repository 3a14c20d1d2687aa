import Diagnostics

extension Parser {
    /// One or more adjacent string literals, concatenated; f-strings make an f-string expression.
    mutating func strings() throws -> Expr {
        let first = current
        var segments: [FStringSegment] = []
        var formatted = false
        while current.kind == .string || current.kind == .fstring {
            let token = advance()
            if token.kind == .string {
                segments.append(.literal(token.stringValue))
                continue
            }
            formatted = true
            segments += fieldSegments(token.parts)
        }
        let range = SourceRange(start: first.range.start, end: previousEnd)
        if !formatted {
            var text = ""
            for case .literal(let piece) in segments { text += piece }
            return Expr(.string(text), range)
        }
        return Expr(.fstring(segments), range)
    }

    /// The segments of an f-string's parts (or of a field's spec), with each field's
    /// expression parsed.
    mutating func fieldSegments(_ parts: [FStringPart]) -> [FStringSegment] {
        var segments: [FStringSegment] = []
        for part in parts {
            switch part {
            case .literal(let text):
                segments.append(.literal(text))
            case .field(let source, let location, let conversion, let spec):
                if let expression = fieldExpression(source, at: location) {
                    segments.append(.field(expression, conversion: conversion, spec: fieldSegments(spec)))
                }
            }
        }
        return segments
    }

    /// Parses the expression of an f-string field; problems become issues.
    mutating func fieldExpression(_ source: String, at location: SourceLocation) -> Expr? {
        let lexer = Lexer(fragment: source, base: location)
        issues.append(contentsOf: lexer.issues)
        var parser = Parser(tokens: lexer.tokens)
        parser.nesting = nesting
        do {
            let expression = try parser.testList(allowStar: false)
            if parser.current.kind != .end {
                throw parser.error("expected '}' after the f-string field's expression, found \(parser.describe(parser.current))")
            }
            issues.append(contentsOf: parser.issues)
            return expression
        } catch let failure as ParseError {
            issues.append(contentsOf: parser.issues)
            issues.append(failure.issue)
        } catch {}
        return nil
    }
}
