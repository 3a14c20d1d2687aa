import Diagnostics

/// A compiled `obj.name(a, b)` with plain positional arguments, fast when `obj` is an
/// instance of a user class and `name` a method of its class: the method is found through
/// a one-entry cache (the class and its chain's change stamp), and the receiver and the
/// arguments go straight into the slots of a pooled frame, with no argument array, no
/// bound-method object and no dynamic lookups. Anything else takes the general path.
final class MethodCallSite {
    let name: String
    let arguments: [EvalBox]
    let interpreter: Interpreter
    let site: ErrorSite
    /// The class last seen here, its stamp then, and the method found on it.
    private var cachedClass: ClassObject?
    private var cachedStamp = -1
    private var cachedFunction: UserFunction?

    init(name: String, arguments: [EvalBox], interpreter: Interpreter, site: ErrorSite) {
        self.name = name
        self.arguments = arguments
        self.interpreter = interpreter
        self.site = site
    }

    /// The user function `name` resolves to on `instance`'s class, when the call can be
    /// made directly (not shadowed by an instance attribute; a plain `def`).
    @inline(__always)
    func method(of instance: InstanceObject) -> UserFunction? {
        let cls = instance.cls
        let stamp = cls.stamp
        if cls !== cachedClass || stamp != cachedStamp {
            cachedClass = cls
            cachedStamp = stamp
            if case .function(let function)? = cls.lookupWithOwner(name)?.value { cachedFunction = function } else { cachedFunction = nil }
        }
        guard let function = cachedFunction, instance.own(name) == nil else { return nil }
        return function
    }

    /// Runs the call in `frame`, the caller's frame.
    func call(_ receiver: Value, _ frame: Frame) throws -> Value {
        if case .native(let object) = receiver, let instance = object.instance, let function = method(of: instance) {
            let code = function.code
            let count = arguments.count + 1
            if code.simple, count <= code.positionalCount {
                try interpreter.meter.tick()
                let callee = code.pool.take() ?? interpreter.makeFrame(function)
                callee.fill(0, receiver)
                for (i, argument) in arguments.enumerated() { callee.fill(i + 1, try argument.eval(frame)) }
                do {
                    if count < code.positionalCount { try function.fillDefaults(callee, from: count) }
                    let result = try interpreter.invoke(code, callee)
                    if code.poolable { code.pool.put(callee) }
                    return result
                } catch {
                    throw site.locate(error)
                }
            }
        }
        let values = try arguments.map { try $0.eval(frame) }
        do {
            return try interpreter.callMethod(receiver, name, Arguments(values))
        } catch {
            throw site.locate(error)
        }
    }
}
