/// PyYAML's `yaml` module for reading configuration: `yaml.safe_load(stream)` and
/// `yaml.load(stream, Loader=yaml.SafeLoader)`, of a string or of a file from `open()`,
/// giving dicts, lists, numbers, text, booleans and None as PyYAML does (`YAMLData`).
/// Writing YAML (`safe_dump`, `dump`) is refused.
enum YAMLModule {
    static func build(_ yaml: Namespace) {
        yaml.function("safe_load", Signature("safe_load", ["stream"])) { args, _ in
            try load(args.value("stream"), "safe_load")
        }
        if let error = PythonExceptions.classes["YAMLError"] { yaml.value("YAMLError", .native(error)) }
        let loaders = ["SafeLoader", "FullLoader", "Loader", "UnsafeLoader", "BaseLoader"]
        for name in loaders { yaml.value(name, .native(TypeObject(name))) }
        yaml.function("load", Signature("load", ["stream", "Loader"])) { args, _ in
            guard case .native(let loader as TypeObject) = args.value("Loader"), loaders.contains(loader.name),
                loader.name != "BaseLoader"
            else {
                throw RuntimeError.type("yaml.load(): Loader must be yaml.SafeLoader (or FullLoader); "
                                        + "BaseLoader, which keeps every scalar as text, is not supported")
            }
            return try load(args.value("stream"), "load")
        }
        for name in ["safe_dump", "dump", "safe_dump_all", "dump_all", "safe_load_all", "load_all"] {
            yaml.function(name, Signature(name, ["args"], required: 0, variadic: true, acceptsAnyKeyword: true)) { _, _ in
                throw RuntimeError.type("yaml.\(name)() is not supported; rnnbook's yaml reads one document with yaml.safe_load")
            }
        }
    }

    /// The value of the one document in `stream` (text, or a file from `open()`).
    static func load(_ stream: Value, _ name: String) throws -> Value {
        let text: String
        switch stream {
        case .str(let string): text = string
        case .native(let file as TextFileObject): text = try file.readRest()
        default:
            throw RuntimeError.type("yaml.\(name)() expects a string or a file from open(), got \(stream.typeName)")
        }
        do {
            return try YAMLData.load(text).value
        } catch {
            throw RuntimeError("yaml.\(name)(): \(error.description)", id: "yaml-error")
        }
    }
}
