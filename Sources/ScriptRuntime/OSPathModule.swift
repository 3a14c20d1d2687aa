/// `os.path`'s string functions, with POSIX rules: `join`, `split`, `basename`, `dirname`,
/// `splitext`. Nothing here touches the file system: `os.path.exists`, `os.makedirs` and the
/// like are there only to say so; a notebook's files are written only through
/// `plt.savefig`, `net.save` and `torch.save`.
enum OSPathModule {
    static func build(_ os: Namespace) {
        let path = Namespace(name: "os.path")
        os.value("path", .native(path))
        os.value("sep", .str("/"))
        path.value("sep", .str("/"))
        for name in ["exists", "isdir", "isfile", "getsize", "getmtime", "abspath", "realpath", "expanduser"] {
            path.value(name, refused("os.path.\(name)"))
        }
        for name in ["makedirs", "mkdir", "listdir", "remove", "getcwd", "chdir", "getenv", "walk", "system"] {
            os.value(name, refused("os.\(name)"))
        }
        path.function("join", Signature("join", ["a"], variadic: true)) { args, _ in
            var joined = try text(args.value("a"))
            for part in try args.rest.map(text) {
                if part.hasPrefix("/") || joined.isEmpty {
                    joined = part
                } else {
                    joined += (joined.hasSuffix("/") ? "" : "/") + part
                }
            }
            return .str(joined)
        }
        path.function("split", Signature("split", ["p"])) { args, _ in
            let (head, tail) = split(try text(args.value("p")))
            return .tuple([.str(head), .str(tail)])
        }
        path.function("basename", Signature("basename", ["p"])) { args, _ in .str(split(try text(args.value("p"))).tail) }
        path.function("dirname", Signature("dirname", ["p"])) { args, _ in .str(split(try text(args.value("p"))).head) }
        path.function("splitext", Signature("splitext", ["p"])) { args, _ in
            let full = try text(args.value("p"))
            let name = split(full).tail
            let stem = name.drop { $0 == "." }
            guard let dot = stem.lastIndex(of: ".") else { return .tuple([.str(full), .str("")]) }
            let suffix = String(stem[dot...])
            return .tuple([.str(String(full.dropLast(suffix.count))), .str(suffix)])
        }
    }

    /// A function that says it is not supported: notebooks do not use the file system.
    static func refused(_ name: String) -> Value {
        .builtin(BuiltinFunction(name: name) { _, _ in
            throw RuntimeError.type("\(name)() is not supported: a notebook does not read the file system or the "
                                    + "environment; write file names as strings for plt.savefig, torch.save and net.save")
        })
    }

    static func text(_ value: Value) throws -> String { try PathObject.text(value) }

    /// `os.path.split`: the part after the last `/`, and the part before it without trailing
    /// slashes (unless it is all slashes).
    static func split(_ path: String) -> (head: String, tail: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        let head = String(path[...slash])
        let trimmed = head.allSatisfy { $0 == "/" } ? head : String(head.reversed().drop { $0 == "/" }.reversed())
        return (trimmed, String(path[path.index(after: slash)...]))
    }
}

/// `pathlib`: `Path` (and `PurePath`, `PosixPath`, the same class here).
enum PathlibModule {
    static func build(_ pathlib: Namespace) {
        for name in ["Path", "PurePath", "PosixPath", "PurePosixPath"] {
            pathlib.value(name, .builtin(BuiltinFunction(name: name) { arguments, _ in
                guard arguments.keywords.isEmpty else { throw RuntimeError.type("\(name)() takes no keyword arguments") }
                return .native(PathObject(try arguments.positional.map(PathObject.text)))
            }))
        }
    }
}
