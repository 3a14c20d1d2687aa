/// The Python standard modules rnnbook provides to `import` (see `ImportBuiltins`), each
/// built into its own namespace. Unlike the torch names, these are not built in: as in
/// Python, `math.pi` needs `import math`.
enum StdlibModules {
    static let all: [(name: String, build: @Sendable (Namespace) -> Void)] = [
        ("math", MathModule.build),
        ("random", RandomModule.build),
        ("copy", CopyModule.build),
        ("time", TimeModule.build),
        ("collections", CollectionsModule.build),
        ("itertools", ItertoolsModule.build),
        ("functools", FunctoolsModule.build),
        ("heapq", HeapqModule.build),
        ("bisect", BisectModule.build),
        ("os", OSPathModule.build),
        ("pathlib", PathlibModule.build),
        ("io", IOModule.build),
        ("yaml", YAMLModule.build),
    ]

    /// The namespaces, by module name.
    static func namespaces() -> [String: Namespace] {
        var built: [String: Namespace] = [:]
        for (name, build) in all {
            let namespace = Namespace(name: name)
            build(namespace)
            built[name] = namespace
            for case (let member, .native(let child as Namespace)) in namespace.members where child.name == "\(name).\(member)" {
                built[child.name] = child
            }
        }
        return built
    }
}
