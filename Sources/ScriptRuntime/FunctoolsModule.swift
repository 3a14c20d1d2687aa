/// Python's `functools`: `partial`, `reduce` and `wraps`.
enum FunctoolsModule {
    static func build(_ functools: Namespace) {
        functools.value("partial", .builtin(BuiltinFunction(name: "partial") { arguments, _ in
            guard let function = arguments.positional.first else {
                throw RuntimeError.type("partial() missing required argument 'func'")
            }
            return .native(PartialObject(function, Array(arguments.positional.dropFirst()), arguments.keywords))
        }))
        functools.function("wraps", Signature("wraps", ["wrapped"])) { args, _ in
            let wrapped = args.value("wrapped")
            return .builtin(BuiltinFunction(name: "wraps") { arguments, _ in
                guard arguments.positional.count == 1, arguments.keywords.isEmpty else {
                    throw RuntimeError.type("wraps(wrapped) decorates one function")
                }
                return .native(WrappedFunction(wrapper: arguments.positional[0], wrapped: wrapped))
            })
        }
        functools.function("reduce", Signature("reduce", ["function", "iterable", "initial"], required: 2)) { args, interpreter in
            var total = args["initial"]
            let function = args.value("function")
            try interpreter.forEach(args.value("iterable")) { item in
                total = try total.map { try interpreter.call(function, Arguments([$0, item])) } ?? item
                return true
            }
            guard let total else { throw RuntimeError.type("reduce() of empty iterable with no initial value") }
            return total
        }
    }
}

/// `functools.partial(func, *args, **keywords)`: calls `func` with the stored arguments
/// first; keywords given at the call override the stored ones.
final class PartialObject: NativeObject, Callable {
    let function: Value
    let arguments: [Value]
    let keywords: [(name: String, value: Value)]

    init(_ function: Value, _ arguments: [Value], _ keywords: [(name: String, value: Value)]) {
        self.function = function
        self.arguments = arguments
        self.keywords = keywords
    }

    var typeName: String { "functools.partial" }
    var attributeNames: [String] { ["func", "args", "keywords"] }

    func repr() -> String {
        let parts = [function.repr()] + arguments.map { $0.repr() } + keywords.map { "\($0.name)=\($0.value.repr())" }
        return "functools.partial(\(parts.joined(separator: ", ")))"
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "func": return function
        case "args": return .tuple(arguments)
        case "keywords":
            let dict = DictObject()
            for (key, value) in keywords { dict.set(.str(key), .str(key), value) }
            return .dict(dict)
        default: return nil
        }
    }

    func call(_ given: Arguments, _ interpreter: Interpreter) throws -> Value? {
        // As Python's `{**stored, **given}`: a stored keyword keeps its place with the new value.
        let stored = Set(keywords.map(\.name))
        let merged = keywords.map { keyword in given.keywords.last { $0.name == keyword.name } ?? keyword }
            + given.keywords.filter { !stored.contains($0.name) }
        return try interpreter.call(function, Arguments(arguments + given.positional, keywords: merged))
    }
}

extension PartialObject: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        PartialObject(try copier.copy(function), try arguments.map(copier.copy),
                      try keywords.map { ($0.name, try copier.copy($0.value)) })
    }
}
