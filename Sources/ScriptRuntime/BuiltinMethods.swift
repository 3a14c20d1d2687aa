/// Methods of the built-in types: `list.append`, `dict.items`, `str.join`, ….
enum BuiltinMethods {
    static let listMethods = ["append", "extend", "pop", "insert", "remove", "index", "count", "reverse",
                              "sort", "copy", "clear"]
    static let dictMethods = ["keys", "values", "items", "get", "pop", "update", "copy", "clear", "setdefault", "popitem"]
    static let tupleMethods = ["index", "count"]
    static let stringMethods = ["join", "split", "strip", "lstrip", "rstrip", "upper", "lower", "replace",
                                "startswith", "endswith", "find", "count", "title", "capitalize", "isdigit",
                                "isalpha", "zfill", "ljust", "rjust", "center", "format", "splitlines"]

    static func names(of value: Value) -> [String] {
        switch value {
        case .list: return listMethods
        case .dict(let dict): return dictMethods + CollectionsMethods.names(dict.flavor)
        case .tuple: return tupleMethods
        case .str: return stringMethods + StringSearchMethods.names
        case .float: return ["is_integer"]
        default: return []
        }
    }

    /// Calls a built-in method, or returns nil when the type has no such method.
    static func call(_ value: Value, _ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch value {
        case .list(let list): return try listMethod(list, name, arguments, interpreter)
        case .dict(let dict):
            if !dict.flavor.isPlain, let result = try CollectionsMethods.call(dict, name, arguments, interpreter) { return result }
            return try dictMethod(dict, name, arguments, interpreter)
        case .str(let text): return try StringMethods.call(text, name, arguments, interpreter)
        case .tuple(let items):
            switch name {
            case "index": return try sequenceIndex(items, Signature("index", ["value", "start", "stop"], required: 1).bind(arguments), "tuple")
            case "count": return try sequenceCount(items, Signature("count", ["value"]).bind(arguments))
            default: return nil
            }
        case .float(let d) where name == "is_integer":
            _ = try Signature("is_integer").bind(arguments)
            return .bool(d.isFinite && d == d.rounded())
        default: return nil
        }
    }

    static func sequenceIndex(_ items: [Value], _ bound: BoundArguments, _ kind: String) throws -> Value {
        let target = bound.value("value")
        // `start` and `stop` are clamped like slice bounds, as Python does.
        let range = try SliceObject(start: bound.value("start"), stop: bound.value("stop"), step: .none).indices(count: items.count)
        for i in range.start..<Swift.max(range.start, range.stop) where try Comparison.equal(items[i], target) { return .int(i) }
        throw RuntimeError.value("\(target.repr()) is not in \(kind)")
    }

    static func sequenceCount(_ items: [Value], _ bound: BoundArguments) throws -> Value {
        let target = bound.value("value")
        return .int(try items.filter { try Comparison.equal($0, target) }.count)
    }

    static func listMethod(_ list: ListObject, _ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "append":
            list.items.append(try Signature("append", ["object"]).bind(arguments).value("object"))
        case "extend":
            let items = try interpreter.collect(try Signature("extend", ["iterable"]).bind(arguments).value("iterable"))
            try SizeLimit.check(list.items.count, plus: items.count, "the list")
            try list.chargeGrowth(to: list.items.count + items.count, "the extended list")
            list.items.append(contentsOf: items)
        case "pop":
            let bound = try Signature("pop", ["index"], required: 0).bind(arguments)
            if list.items.isEmpty { throw RuntimeError.index("pop from empty list") }
            let index = try interpreter.position(bound.value("index", .int(-1)), list.items.count, "pop")
            return list.items.remove(at: index)
        case "insert":
            let bound = try Signature("insert", ["index", "object"]).bind(arguments)
            var index = try bound.int("index", 0)
            if index < 0 { index += list.items.count }
            list.items.insert(bound.value("object"), at: Swift.min(Swift.max(index, 0), list.items.count))
        case "remove":
            let target = try Signature("remove", ["value"]).bind(arguments).value("value")
            guard let index = try list.items.firstIndex(where: { try Comparison.equal($0, target) }) else {
                throw RuntimeError.value("list.remove(x): x not in list")
            }
            list.items.remove(at: index)
        case "index": return try sequenceIndex(list.items, Signature("index", ["value", "start", "stop"], required: 1).bind(arguments), "list")
        case "count": return try sequenceCount(list.items, Signature("count", ["value"]).bind(arguments))
        case "reverse":
            _ = try Signature("reverse").bind(arguments)
            list.items.reverse()
        case "sort":
            let bound = try Signature("sort", keywordOnly: ["key", "reverse"]).bind(arguments)
            list.items = try Sorting.sorted(list.items, key: bound.value("key"),
                                            reverse: try bound.bool("reverse", false), interpreter)
        case "copy":
            _ = try Signature("copy").bind(arguments)
            return .list(ListObject(list.items))
        case "clear":
            _ = try Signature("clear").bind(arguments)
            list.items.removeAll()
        default: return nil
        }
        return Value.none
    }

    static func dictMethod(_ dict: DictObject, _ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "keys":
            _ = try Signature("keys").bind(arguments)
            return .native(DictViewObject(dict, .keys))
        case "values":
            _ = try Signature("values").bind(arguments)
            return .native(DictViewObject(dict, .values))
        case "items":
            _ = try Signature("items").bind(arguments)
            return .native(DictViewObject(dict, .items))
        case "get":
            let bound = try Signature("get", ["key", "default"], required: 1).bind(arguments)
            return dict.get(try HashKey(bound.value("key"))) ?? bound.value("default")
        case "pop":
            let bound = try Signature("pop", ["key", "default"], required: 1).bind(arguments)
            let key = bound.value("key")
            if let value = dict.remove(try HashKey(key)) { return value }
            if let fallback = bound["default"] { return fallback }
            throw RuntimeError.keyError(key, message: "key \(key.repr()) not found in dict")
        case "setdefault":
            let bound = try Signature("setdefault", ["key", "default"], required: 1).bind(arguments)
            let key = bound.value("key")
            let hash = try HashKey(key)
            if let value = dict.get(hash) { return value }
            dict.set(key, hash, bound.value("default"))
            return bound.value("default")
        case "update":
            let bound = try Signature("update", ["other"], required: 0, acceptsAnyKeyword: true).bind(arguments)
            if let other = bound["other"] { try Conversions.fillDict(dict, from: other, interpreter) }
            for (key, value) in bound.extraKeywords { dict.set(.str(key), .str(key), value) }
        case "copy":
            _ = try Signature("copy").bind(arguments)
            return .dict(dict.shallowCopy())
        case "popitem":
            _ = try Signature("popitem").bind(arguments)
            return try CollectionsMethods.popItem(dict, last: true)
        case "clear":
            _ = try Signature("clear").bind(arguments)
            dict.removeAll()
        default: return nil
        }
        return Value.none
    }
}
