/// `os.path`'s string functions, with POSIX rules: `join`, `split`, `basename`, `dirname`,
/// `splitext`. Nothing here touches the file system (no `exists`, no `os.makedirs`): a
/// notebook's files are written only through `plt.savefig`, `net.save` and `torch.save`.
enum OSPathModule {
    static func build(_ os: Namespace) {
        let path = Namespace(name: "os.path")
        os.value("path", .native(path))
        os.value("sep", .str("/"))
        path.value("sep", .str("/"))
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

    static func text(_ value: Value) throws -> String {
        guard case .str(let text) = value else {
            throw RuntimeError.type("expected str, bytes or os.PathLike object, not \(value.typeName)")
        }
        return text
    }

    /// `os.path.split`: the part after the last `/`, and the part before it without trailing
    /// slashes (unless it is all slashes).
    static func split(_ path: String) -> (head: String, tail: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        let head = String(path[...slash])
        let trimmed = head.allSatisfy { $0 == "/" } ? head : String(head.reversed().drop { $0 == "/" }.reversed())
        return (trimmed, String(path[path.index(after: slash)...]))
    }
}
