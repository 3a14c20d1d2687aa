/// Python's exception classes, and how the engine's errors map onto them so that
/// `except ValueError:` catches what Python (or PyTorch) would raise as a `ValueError`.
///
/// Errors that guard the session (a block's budget, memory, internal faults) are not
/// exceptions: no `except` catches them, so untrusted code cannot run past its budget.
enum PythonExceptions {
    /// The built-in exception classes: (name, base name).
    static let hierarchy: [(String, String?)] = [
        ("BaseException", nil), ("Exception", "BaseException"),
        ("ArithmeticError", "Exception"), ("ZeroDivisionError", "ArithmeticError"), ("OverflowError", "ArithmeticError"),
        ("FloatingPointError", "ArithmeticError"),
        ("AssertionError", "Exception"), ("AttributeError", "Exception"), ("LookupError", "Exception"),
        ("IndexError", "LookupError"), ("KeyError", "LookupError"), ("NameError", "Exception"),
        ("UnboundLocalError", "NameError"),
        ("RuntimeError", "Exception"), ("NotImplementedError", "RuntimeError"), ("RecursionError", "RuntimeError"),
        ("TypeError", "Exception"), ("ValueError", "Exception"), ("ImportError", "Exception"),
        ("ModuleNotFoundError", "ImportError"), ("StopIteration", "Exception"), ("OSError", "Exception"),
        ("FileNotFoundError", "OSError"), ("PermissionError", "OSError"), ("UserWarning", "Exception"),
    ]

    /// The classes, made once; they are immutable and shared by every session.
    nonisolated(unsafe) static let classes: [String: ClassObject] = {
        var made: [String: ClassObject] = [:]
        for (name, baseName) in hierarchy {
            let base = baseName.flatMap { made[$0] }
            let namespace: [(String, Value)] = baseName == nil ? [("__init__", .builtin(initializer))] : []
            made[name] = ClassObject(name: name, moduleName: "builtins", base: base, kind: .exception, isBuiltin: true,
                                     namespace: namespace)
        }
        // Not a built-in name: reached as `yaml.YAMLError`.
        made["YAMLError"] = ClassObject(name: "YAMLError", moduleName: "yaml", base: made["Exception"], kind: .exception,
                                        isBuiltin: true)
        // numpy's, a ValueError: reached as `np.linalg.LinAlgError`.
        made["LinAlgError"] = ClassObject(name: "LinAlgError", moduleName: "numpy.linalg", base: made["ValueError"],
                                          kind: .exception, isBuiltin: true)
        return made
    }()

    /// `RuntimeError`, what an engine error without a class of its own is caught as.
    nonisolated(unsafe) static let runtimeError: ClassObject = classes["RuntimeError"]
        ?? ClassObject(name: "RuntimeError", moduleName: "builtins", base: nil, kind: .exception, isBuiltin: true)

    /// `BaseException.__init__(self, *args)`: keeps the arguments as `self.args`.
    nonisolated(unsafe) static let initializer = BuiltinFunction(name: "__init__", isMethod: true) { arguments, _ in
        guard case .native(let object)? = arguments.positional.first, let instance = object as? InstanceObject else {
            throw RuntimeError.type("descriptor '__init__' requires an exception object")
        }
        if !arguments.keywords.isEmpty {
            throw RuntimeError.type("\(instance.cls.name)() takes no keyword arguments")
        }
        instance.setOwn("args", .tuple(Array(arguments.positional.dropFirst())))
        return .none
    }

    /// The exception class each engine error id stands for.
    static let classOfId: [String: String] = [
        "type-error": "TypeError", "value-error": "ValueError", "index-error": "IndexError", "key-error": "KeyError",
        "zero-division": "ZeroDivisionError", "name-error": "NameError", "attribute-error": "AttributeError",
        "assertion": "AssertionError", "overflow": "OverflowError", "todo": "NotImplementedError",
        "recursion": "RecursionError", "import-error": "ModuleNotFoundError", "tensor-error": "RuntimeError",
        "runtime-error": "RuntimeError", "file-access": "OSError", "bad-format": "ValueError",
        "stop-iteration": "StopIteration", "file-not-found": "FileNotFoundError", "yaml-error": "YAMLError",
        "linalg-error": "LinAlgError",
    ]

    /// Error ids that are not exceptions: they stop the block whatever `except` says.
    static let uncatchable: Set<String> = ["budget", "memory", "internal", "file-access-denied"]

    /// Whether an `except` clause may catch the error.
    static func isCatchable(_ error: RuntimeError) -> Bool {
        !uncatchable.contains(error.id)
    }

    /// The class an error stands for.
    static func exceptionClass(of error: RuntimeError) -> ClassObject {
        if let payload = error.exception { return payload.instance.cls }
        return classes[classOfId[error.id] ?? "RuntimeError"] ?? runtimeError
    }

    /// The exception object for an error, made (and kept in the error) on first use.
    static func instance(_ error: inout RuntimeError, _ interpreter: Interpreter) -> InstanceObject {
        if let payload = error.exception { return payload.instance }
        let made = InstanceObject(cls: exceptionClass(of: error), interpreter: interpreter)
        made.setOwn("args", .tuple(error.arguments?.values ?? [.str(error.message)]))
        error.exception = ExceptionPayload(made)
        return made
    }

    /// An exception object of the built-in class `name` with `arguments`, for an error.
    static func payload(_ name: String, arguments: [Value], _ interpreter: Interpreter) -> ExceptionPayload? {
        guard let cls = classes[name] else { return nil }
        let made = InstanceObject(cls: cls, interpreter: interpreter)
        made.setOwn("args", .tuple(arguments))
        return ExceptionPayload(made)
    }

    /// Whether `error` is an instance of `expected` (a class or a tuple of classes), as an
    /// `except expected:` clause decides.
    static func matches(_ error: inout RuntimeError, _ expected: Value, _ interpreter: Interpreter) throws -> Bool {
        let cls = exceptionClass(of: error)
        switch expected {
        case .tuple(let items):
            for item in items where try matches(&error, item, interpreter) { return true }
            return false
        case .native(let object as ClassObject) where object.kind == .exception:
            return cls.isSubclass(of: object)
        default:
            throw RuntimeError.type("catching classes that do not inherit from BaseException is not allowed")
        }
    }

    /// Whether `error` is the built-in exception `name` or a subclass of it.
    static func matches(_ error: RuntimeError, _ name: String, _ interpreter: Interpreter) -> Bool {
        guard isCatchable(error), let expected = classes[name] else { return false }
        return exceptionClass(of: error).isSubclass(of: expected)
    }

    /// The error `raise value` throws: `value` is an exception class (instantiated with no
    /// arguments) or instance.
    static func raising(_ value: Value, _ interpreter: Interpreter) throws -> RuntimeError {
        var raised = value
        if case .native(let object as ClassObject) = value, object.kind == .exception {
            raised = try interpreter.call(value, Arguments())
        }
        guard case .native(let object as InstanceObject) = raised, object.cls.kind == .exception else {
            throw RuntimeError.type("exceptions must derive from BaseException, not \(value.typeName)")
        }
        return error(for: object)
    }

    /// The error carrying an exception object: its message is Python's last traceback line
    /// (`ValueError: bad value`), its id the engine's for that class (`todo` for
    /// `NotImplementedError`, which is how the original labs mark a student's stub).
    static func error(for instance: InstanceObject) -> RuntimeError {
        let text = instance.str()
        var error = RuntimeError(text.isEmpty ? instance.cls.name : "\(instance.cls.name): \(text)", id: id(of: instance.cls))
        error.exception = ExceptionPayload(instance)
        return error
    }

    /// The engine's error id for each built-in exception class raised by `raise`.
    static let idOfClass: [String: String] = [
        "TypeError": "type-error", "ValueError": "value-error", "IndexError": "index-error", "KeyError": "key-error",
        "ZeroDivisionError": "zero-division", "NameError": "name-error", "AttributeError": "attribute-error",
        "AssertionError": "assertion", "OverflowError": "overflow", "NotImplementedError": "todo",
        "RecursionError": "recursion", "ModuleNotFoundError": "import-error", "ImportError": "import-error",
        "RuntimeError": "runtime-error", "OSError": "file-access", "StopIteration": "stop-iteration",
        "LinAlgError": "linalg-error",
    ]

    /// The engine's error id for an exception class: that of its nearest built-in ancestor.
    static func id(of cls: ClassObject) -> String {
        for ancestor in cls.mro where ancestor.isBuiltin {
            if let id = idOfClass[ancestor.name] { return id }
        }
        return "exception"
    }
}
