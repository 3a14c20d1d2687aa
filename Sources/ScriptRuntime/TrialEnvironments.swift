import Tasks

/// What the neurogym-style tasks' bindings share: the language objects `Dataset` batches
/// (`PerceptualDecisionMaking`, `CompetencyTask`), their `timing` argument, and dicts.
enum TrialEnvironments {
    /// The engine task of a language value that `Dataset` can batch, if it is one.
    static func environment(_ value: Value) -> (any TrialEnvironment)? {
        switch value {
        case .native(let object as TaskObject): object.task
        case .native(let object as CompetencyTaskObject): object.task
        default: nil
        }
    }

    /// The language object of an engine task (`dataset.env`).
    static func object(_ environment: any TrialEnvironment) -> (any NativeObject)? {
        switch environment {
        case let task as PerceptualDecisionMaking: TaskObject(task)
        case let task as CompetencyTask: CompetencyTaskObject(task)
        default: nil
        }
    }

    /// The snapshot copy of an engine task, shared with the copy of its own object.
    static func copy(_ environment: any TrialEnvironment, _ copier: SnapshotCopier) -> (any TrialEnvironment)? {
        switch environment {
        case let task as PerceptualDecisionMaking: TaskObject.copy(task, copier)
        case let task as CompetencyTask: CompetencyTaskObject.copy(task, copier)
        default: nil
        }
    }

    /// A `timing={"period": ms, …}` argument (None gives nil); `what` names the call.
    static func timing(_ value: Value?, _ what: String) throws -> [String: Double]? {
        guard let value, !value.isNone else { return nil }
        guard case .dict(let dict) = value else { throw RuntimeError.type("\(what) timing must be a dict, not \(value.typeName)") }
        var timing: [String: Double] = [:]
        for (key, duration) in zip(dict.keys, dict.values) {
            guard case .str(let name) = key else { throw RuntimeError.type("\(what) timing keys must be strings, not \(key.typeName)") }
            timing[name] = try duration.asDouble("\(what) timing['\(name)']")
        }
        return timing
    }

    /// A number as neurogym keeps it: whole values read back as ints (`dt=20` is 20).
    static func number(_ value: Double) -> Value {
        value == value.rounded() && abs(value) < 1e15 ? .int(Int(value)) : .float(value)
    }

    /// A dict of string keys, in order.
    static func dict<S: Sequence<(String, Value)>>(_ items: S) throws -> Value {
        let dict = DictObject()
        for (key, value) in items { dict.set(.str(key), try HashKey(.str(key)), value) }
        return .dict(dict)
    }
}
