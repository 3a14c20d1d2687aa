import Analysis
import Tensor

/// The result of `find_fixed_points`, with FPF's `FixedPoints` names: `xstar` (k, N),
/// `qstar` (k,), `inputs`, `J_xstar` / `jacobians` (k, N, N), `is_stable`, `eigenvalues`
/// (per point, (re, im) pairs, largest magnitude first), `n`, `len()`; `tol_unique` (read
/// and set) and `get_unique()`, which merges points within `tol_unique` of each other and
/// keeps the smallest q of each group; `fps[index]` (an int, a slice, a list or array of
/// ints, or a boolean mask) gives a subset, as FPF's `__getitem__`.
final class FixedPointsObject: NativeObject, SnapshotCopyable {
    let points: FixedPoints
    /// The distance below which `get_unique()` merges two points (FPF's default 1e-3).
    var tolUnique: Double

    init(_ points: FixedPoints, tolUnique: Double) {
        self.points = points
        self.tolUnique = tolUnique
    }

    var typeName: String { "FixedPoints" }
    func repr() -> String {
        let stable = points.isStable.filter { $0 }.count
        let stability = points.eigenvalues.isEmpty && points.count > 0 ? "" : ", stable=\(stable)"
        return "FixedPoints(n=\(points.count)\(stability), candidates=\(points.candidateCount), iterations=\(points.iterations))"
    }
    var attributeNames: [String] {
        ["xstar", "qstar", "inputs", "is_stable", "eigenvalues", "jacobians", "J_xstar", "n", "n_iters", "n_inits",
         "tol_unique", "get_unique"]
    }
    func length() throws -> Int? { points.count }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        let dims = points.xstar.columns
        switch name {
        case "xstar": return try AnalysisBuiltins.tensorValue(points.xstar.values, shape: [points.count, dims], interpreter)
        case "inputs": return try AnalysisBuiltins.tensorValue(points.inputs.values, shape: [points.count, points.inputs.columns], interpreter)
        case "qstar": return try AnalysisBuiltins.tensorValue(points.qstar, shape: [points.count], interpreter)
        case "is_stable": return .list(ListObject(points.isStable.map(Value.bool)))
        case "eigenvalues":
            return .list(ListObject(points.eigenvalues.map { values in
                .list(ListObject(values.map { .tuple([.float($0.re), .float($0.im)]) }))
            }))
        case "jacobians", "J_xstar":
            return try AnalysisBuiltins.tensorValue(points.jacobians.flatMap(\.values), shape: [points.jacobians.count, dims, dims], interpreter)
        case "n": return .int(points.count)
        case "n_iters": return .int(points.iterations)
        case "n_inits": return .int(points.candidateCount)
        case "tol_unique": return .float(tolUnique)
        default: return nil
        }
    }

    func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws -> Bool {
        guard name == "tol_unique" else { return false }
        let tolerance = try value.asDouble("tol_unique")
        guard tolerance >= 0, tolerance.isFinite else {
            throw RuntimeError.value("tol_unique must be a finite number ≥ 0, got \(Value.float(tolerance).repr())")
        }
        tolUnique = tolerance
        return true
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        guard name == "get_unique" else { return nil }
        _ = try Signature("get_unique", []).bind(arguments)
        return .native(FixedPointsObject(points.unique(tolerance: tolUnique), tolUnique: tolUnique))
    }

    func getItem(_ index: Value) throws -> Value? {
        let count = points.count
        func position(_ i: Int) throws -> Int {
            let p = i < 0 ? i + count : i
            guard p >= 0, p < count else {
                throw RuntimeError.index("index \(i) is out of bounds for FixedPoints with \(count) points")
            }
            return p
        }
        let indices: [Int]
        switch index {
        case .int(let i): indices = [try position(i)]
        case .native(let slice as SliceObject): indices = try slice.positions(count: count)
        default:
            let array = try NDArray.from(index, "FixedPoints index")
            guard array.ndim == 1 else {
                throw RuntimeError.index("FixedPoints can be indexed by an int, a slice, or a 1-D list or array of ints or bools")
            }
            if array.dtype == .bool {
                guard array.count == count else {
                    throw RuntimeError.index("boolean index has \(array.count) entries but there are \(count) fixed points")
                }
                indices = array.values.indices.filter { array.values[$0] != 0 }
            } else {
                guard array.dtype == .int64 || array.count == 0 else {
                    throw RuntimeError.index("FixedPoints indices must be integers or booleans")
                }
                indices = try array.values.map { try position(Int($0)) }
            }
        }
        return .native(FixedPointsObject(points.subset(indices), tolUnique: tolUnique))
    }

    /// A copy with the same points and tolerance (the points never change).
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        FixedPointsObject(points, tolUnique: tolUnique)
    }
}
