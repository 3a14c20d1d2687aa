import Diagnostics
import Testing
@testable import ScriptRuntime

/// `BuiltinTypes.isInstance`, the built-in types' part of `isinstance`.
@Suite struct BuiltinTypesTests {
    /// The value of `expression` evaluated in a session after `setup`.
    func value(_ session: ScriptSession, _ code: String) throws -> Value {
        _ = session.run("__probe = " + code, origin: BlockOrigin(file: SourceFile(name: "lab.md", text: code), line: 1))
        return try #require(session.interpreter.globals["__probe"]?.value)
    }

    @Test func builtinTypesFollowPythonsSubclassing() throws {
        let session = ScriptSession(seed: 1)
        _ = session.run("from collections import defaultdict, Counter, OrderedDict, deque, namedtuple\nP = namedtuple('P', 'x')",
                        origin: BlockOrigin(file: SourceFile(name: "lab.md", text: ""), line: 1))
        let cases: [(String, String, Bool?)] = [
            ("True", "int", true), ("True", "bool", true), ("1", "bool", false), ("1", "float", false), ("1.5", "float", true),
            ("'a'", "str", true), ("[1]", "list", true), ("(1,)", "tuple", true), ("P(1)", "tuple", true), ("P(1)", "P", true),
            ("(1,)", "P", false), ("{}", "dict", true), ("Counter()", "dict", true), ("Counter()", "Counter", true),
            ("{}", "Counter", false), ("defaultdict(int)", "defaultdict", true), ("OrderedDict()", "OrderedDict", true),
            ("set()", "set", true), ("frozenset()", "set", false), ("frozenset()", "frozenset", true),
            ("deque()", "deque", true), ("[]", "deque", false), ("zeros(1)", "int", false), ("1", "print", nil),
        ]
        for (expression, type, expected) in cases {
            let result = BuiltinTypes.isInstance(try value(session, expression), of: try value(session, type))
            #expect(result == expected, "isinstance(\(expression), \(type))")
        }
    }
}
