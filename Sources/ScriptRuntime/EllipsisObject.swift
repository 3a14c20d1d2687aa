/// Python's `Ellipsis`, written `...`: one shared object, shown as `Ellipsis`. In a tensor
/// index it stands for as many full slices (`:`) as the other components leave.
final class EllipsisObject: NativeObject, Sendable {
    /// The one `Ellipsis` (so `... is ...` holds, as in Python).
    static let shared = EllipsisObject()

    private init() {}

    var typeName: String { "ellipsis" }

    func repr() -> String { "Ellipsis" }
}
