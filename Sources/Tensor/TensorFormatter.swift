import Foundation

/// PyTorch's element formatting (`torch._tensor_str._Formatter`) with its default print
/// options: precision 4, line width 80, summarizing above 1000 elements with 3 edge items.
///
/// Floats print in fixed point (`0.1000`), as whole numbers with a trailing dot when all
/// are whole (`1.`), or in scientific notation (`1.0000e-05`) when the nonzero magnitudes
/// span more than a factor of 1000, exceed 1e8, or go below 1e-4. All elements are padded
/// to one width.
struct TensorFormatter {
    static let precision = 4
    static let lineWidth = 80
    static let threshold = 1000
    static let edgeItems = 3

    private let dtype: DType
    private var intMode = true
    private var sciMode = false
    private(set) var width = 1

    /// Prepares to format the (already summarized) `values` of a `dtype` tensor.
    init(values: [Float], dtype: DType) {
        self.dtype = dtype
        switch dtype {
        case .bool:
            width = values.contains(where: { $0 != 0 }) ? 4 : 5
            if values.contains(0) { width = 5 }
            return
        case .int64:
            width = values.map { String(DType.integer($0)).count }.max() ?? 1
            return
        case .float32:
            break
        }
        let finite = values.filter { $0.isFinite && $0 != 0 }.map { Double($0) }
        guard let minAbs = finite.map({ Swift.abs($0) }).min(), let maxAbs = finite.map({ Swift.abs($0) }).max() else {
            return
        }
        intMode = finite.allSatisfy { $0.rounded(.up) == $0 }
        if intMode {
            sciMode = maxAbs / minAbs > 1000 || maxAbs > 1e8
            width = finite.map { sciMode ? TensorFormatter.sci($0).count : TensorFormatter.whole($0).count + 1 }.max() ?? 1
        } else {
            sciMode = maxAbs / minAbs > 1000 || maxAbs > 1e8 || minAbs < 1e-4
            width = finite.map { sciMode ? TensorFormatter.sci($0).count : TensorFormatter.fixed($0).count }.max() ?? 1
        }
    }

    /// One element, right-aligned to the common width.
    func format(_ value: Float) -> String {
        let text: String
        switch dtype {
        case .bool: text = value != 0 ? "True" : "False"
        case .int64: text = String(DType.integer(value))
        case .float32:
            if !value.isFinite {
                text = TensorFormatter.nonFinite(value)
            } else if sciMode {
                text = TensorFormatter.sci(Double(value))
            } else if intMode {
                text = TensorFormatter.whole(Double(value)) + "."
            } else {
                text = TensorFormatter.fixed(Double(value))
            }
        }
        return String(repeating: " ", count: Swift.max(0, width - text.count)) + text
    }

    private static func fixed(_ v: Double) -> String { String(format: "%.\(precision)f", v) }
    private static func sci(_ v: Double) -> String { String(format: "%.\(precision)e", v) }
    private static func whole(_ v: Double) -> String { String(format: "%.0f", v) }
    private static func nonFinite(_ v: Float) -> String { v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
}
