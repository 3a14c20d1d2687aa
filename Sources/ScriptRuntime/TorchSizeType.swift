/// The class `torch.Size`: `torch.Size([2, 3])` (or any iterable of ints; `torch.Size()`
/// is `torch.Size([])`), what `type(x.shape)` gives, and a type for `isinstance` (a
/// `torch.Size` is also a `tuple`). Prints as `<class 'torch.Size'>`; `__name__` is `Size`.
final class TorchSizeType: NativeObject, Sendable {
    /// The one class object, so that `type(x.shape) is torch.Size` holds.
    static let shared = TorchSizeType()

    private init() {}

    var typeName: String { "type" }
    func repr() -> String { "<class 'torch.Size'>" }
    var attributeNames: [String] { ["__name__", "__module__"] }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "__name__": .str("Size")
        case "__module__": .str("torch")
        default: nil
        }
    }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let args = try Signature("Size", ["iterable"], required: 0).bind(arguments)
        let items = try args["iterable"].map { try interpreter.collect($0) } ?? []
        return .native(try TorchSizeObject.make(items))
    }
}
