import Diagnostics
import ScriptSyntax

/// A box that holds a variable shared between a function and the closures defined in it.
final class Cell {
    var value: Value?

    init(_ value: Value? = nil) {
        self.value = value
    }
}

/// A global name of a session. Compiled code holds the slot itself, so a global lookup is
/// one pointer read; an empty slot is a name not (yet) defined.
final class GlobalSlot {
    let name: String
    var value: Value? {
        didSet {
            if case .function(let user)? = value {
                function = Unmanaged.passUnretained(user)
            } else {
                function = nil
            }
        }
    }
    /// The user function in `value`, unretained, so that calling a global function costs no
    /// reference count (see `Compiler.call`); kept in step with `value`.
    private(set) var function: Unmanaged<UserFunction>?

    init(name: String, value: Value? = nil) {
        self.name = name
        self.value = value
        if case .function(let user)? = value { function = Unmanaged.passUnretained(user) }
    }
}

/// The fixed part of a frame: its cells and the value being returned.
struct FrameHeader {
    var count: Int
    var cells: [Cell]
    var returnValue: Value = .none
}

/// The local variables of one function call (or one block's top level), stored inline
/// after the header so a call costs one allocation.
final class Frame: ManagedBuffer<FrameHeader, Value?> {
    static func make(slots: Int, cells: [Cell]) -> Frame {
        let buffer = Frame.create(minimumCapacity: slots) { _ in FrameHeader(count: slots, cells: cells) }
        let frame = unsafeDowncast(buffer, to: Frame.self)
        frame.withUnsafeMutablePointerToElements { $0.initialize(repeating: nil, count: slots) }
        return frame
    }

    deinit {
        _ = withUnsafeMutablePointers { header, elements in
            elements.deinitialize(count: header.pointee.count)
        }
    }

    @inline(__always) func load(_ slot: Int) -> Value? {
        withUnsafeMutablePointerToElements { $0[slot] }
    }

    /// Runs `body` on the object in `slot`, or returns nil when the slot holds no native
    /// object. The object is moved out of the slot and back, not copied (no reference
    /// counting): `body` must not read this frame, so it must run no user code.
    @inline(__always) func peekObject<R>(inSlot slot: Int, _ body: (any NativeObject) -> R?) -> R? {
        withUnsafeMutablePointerToElements { elements in
            guard case .native? = elements[slot] else { return nil }
            switch (elements + slot).move() {
            case .native(let object)?:
                let result = body(object)
                (elements + slot).initialize(to: .native(object))
                return result
            case let other:
                (elements + slot).initialize(to: other)
                return nil
            }
        }
    }


    /// The int in a slot, looked at in place (no copy of the value is made).
    @inline(__always) func int(_ slot: Int) -> Int? {
        withUnsafeMutablePointerToElements { elements in
            if case .int(let i)? = elements[slot] { return i }
            return nil
        }
    }

    /// Stores a value; an old value holding no object is overwritten without being
    /// destroyed (an out-of-line call).
    @inline(__always) func store(_ slot: Int, _ value: Value) {
        withUnsafeMutablePointerToElements { elements in
            switch elements[slot] {
            case nil, .none?, .bool?, .int?, .float?: (elements + slot).initialize(to: value)
            default: elements[slot] = value
            }
        }
    }

    /// Stores a value in an empty slot (one never stored to since the frame was made or
    /// cleared). An empty slot holds `nil`, which owns nothing, so the value is written
    /// without first destroying the old one.
    @inline(__always) func fill(_ slot: Int, _ value: consuming Value) {
        withUnsafeMutablePointerToElements { ($0 + slot).initialize(to: value) }
    }

    /// Empties the slots so the frame can be reused. The return value is already `.none`:
    /// a call takes it out (see `takeReturnValue`), and a frame whose body failed is dropped.
    /// A slot holding no object (nothing, `None`, a bool, an int or a float) is emptied
    /// without destroying its value, which would be an out-of-line call.
    @inline(__always) func clear() {
        withUnsafeMutablePointers { header, elements in
            for i in 0..<header.pointee.count {
                switch elements[i] {
                case nil, .none?, .bool?, .int?, .float?: (elements + i).initialize(to: nil)
                default: elements[i] = nil
                }
            }
        }
    }

    /// Leaves the value for a `return` statement. The frame holds no value yet (a call moves
    /// it out, see `takeReturnValue`, and a `return` ends the body), so the value is written
    /// without destroying the old one, which would be an out-of-line call.
    @inline(__always) func leaveReturnValue(_ value: Value) {
        withUnsafeMutablePointerToHeader { header in
            assert(header.pointee.returnValue.isNone, "a frame returns once")
            withUnsafeMutablePointer(to: &header.pointee.returnValue) { $0.initialize(to: value) }
        }
    }

    /// Moves out the value a `return` statement left, leaving `.none` (no reference counting).
    @inline(__always) func takeReturnValue() -> Value {
        withUnsafeMutablePointerToHeader { header in
            var value = Value.none
            swap(&value, &header.pointee.returnValue)
            return value
        }
    }

    @inline(__always) func cell(_ index: Int) -> Cell {
        header.cells[index]
    }
}

/// The compiled form of a `def` or `lambda`, shared by every function value made from it.
final class FunctionCode {
    let name: String
    /// Positional-or-keyword parameter names, then keyword-only ones.
    let parameterNames: [String]
    let positionalCount: Int
    let varargsSlot: Int?
    let kwargsSlot: Int?
    /// The slot of each parameter (positional, then keyword-only).
    let parameterSlots: [Int]
    /// For parameters stored in cells: (parameter index, cell index).
    let cellParameters: [(parameter: Int, cell: Int)]
    let slotCount: Int
    let cellCount: Int
    let body: (Frame) throws -> Flow
    let block: BlockInfo
    let range: SourceRange
    /// Whether calls can bind positional arguments straight into slots.
    let simple: Bool
    /// Whether frames of this code hold no cells, so a finished frame can be reused.
    let poolable: Bool
    /// Finished frames kept for reuse (a call then costs no allocation): a small stack
    /// whose frames are moved in and out, so pooling costs no reference counting.
    let pool = FramePool()

    deinit {
        pool.destroy()
    }

    init(name: String, parameters: Parameters, slots: [Int], varargsSlot: Int?, kwargsSlot: Int?,
         cellParameters: [(Int, Int)], slotCount: Int, cellCount: Int, block: BlockInfo, range: SourceRange,
         freeCount: Int, body: @escaping (Frame) throws -> Flow) {
        self.body = body
        poolable = cellCount == 0 && freeCount == 0
        self.name = name
        parameterNames = parameters.positional.map(\.name) + parameters.keywordOnly.map(\.name)
        positionalCount = parameters.positional.count
        self.varargsSlot = varargsSlot
        self.kwargsSlot = kwargsSlot
        parameterSlots = slots
        self.cellParameters = cellParameters.map { (parameter: $0.0, cell: $0.1) }
        self.slotCount = slotCount
        self.cellCount = cellCount
        self.block = block
        self.range = range
        simple = varargsSlot == nil && kwargsSlot == nil && cellParameters.isEmpty
            && parameters.keywordOnly.isEmpty
    }
}

/// A function defined in `rnn` code: its code, its evaluated defaults and captured cells.
final class UserFunction {
    let code: FunctionCode
    /// One entry per parameter (positional, then keyword-only): its default, if any.
    let defaults: [Value?]
    let freeCells: [Cell]

    init(code: FunctionCode, defaults: [Value?], freeCells: [Cell]) {
        self.code = code
        self.defaults = defaults
        self.freeCells = freeCells
    }

    /// Stores the defaults of the positional parameters from `first` on, or explains which
    /// required argument is missing.
    @inline(never)
    func fillDefaults(_ frame: Frame, from first: Int) throws {
        for i in first..<code.positionalCount {
            guard let fallback = defaults[i] else {
                throw RuntimeError.type("\(code.name)() missing required argument '\(code.parameterNames[i])'")
            }
            frame.store(i, fallback)
        }
    }
}

/// A function written in Swift: a name and a body that binds its own arguments.
final class BuiltinFunction {
    let name: String
    let body: (Arguments, Interpreter) throws -> Value
    /// Whether, found on a class, it is a method that takes the instance first (the methods
    /// of built-in classes, those `@dataclass` writes).
    let isMethod: Bool

    init(name: String, isMethod: Bool = false, body: @escaping (Arguments, Interpreter) throws -> Value) {
        self.name = name
        self.isMethod = isMethod
        self.body = body
    }
}

/// How a statement finished.
enum Flow {
    case normal, breakLoop, continueLoop, returned
}

/// Finished frames of one function kept for reuse: a small stack that frames are moved in
/// and out of, reached through raw pointers so pooling costs no reference counting.
struct FramePool {
    /// The frames, then the number of them in `count[0]`.
    let frames = UnsafeMutablePointer<Frame>.allocate(capacity: FramePool.capacity)
    let count: UnsafeMutablePointer<Int> = {
        let pointer = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return pointer
    }()
    static let capacity = 32

    /// A cleared frame, if any.
    @inline(__always) func take() -> Frame? {
        guard count[0] > 0 else { return nil }
        count[0] -= 1
        return (frames + count[0]).move()
    }

    /// Keeps a finished frame for reuse, clearing its slots; drops it when the pool is full.
    @inline(__always) func put(_ frame: consuming Frame) {
        guard count[0] < FramePool.capacity else { return }
        frame.clear()
        (frames + count[0]).initialize(to: frame)
        count[0] += 1
    }

    /// Releases the pooled frames and the storage (called by the owner's deinit).
    func destroy() {
        frames.deinitialize(count: count[0])
        frames.deallocate()
        count.deallocate()
    }
}
