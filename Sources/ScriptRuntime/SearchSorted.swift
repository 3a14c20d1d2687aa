import Tensor

/// `np.searchsorted(a, v, side='left', sorter=None)` and `torch.searchsorted(sorted_sequence,
/// values, *, out_int32=False, right=False, side=None, sorter=None)`: where each value would
/// be inserted into a sorted sequence to keep it sorted (int64 indices).
///
/// numpy searches a 1-D `a` (numpy/_core/src/npysort/binsearch.cpp, with NaN sorted last);
/// a scalar `v` gives a Python int, an array the indices in `v`'s shape. PyTorch searches the
/// last dimension of `sorted_sequence`, row by row when it has more than one dimension (the
/// leading dimensions of `values` must then match); a Python number gives a 0-d tensor
/// (aten/src/ATen/native/Bucketization.cpp, whose `!(mid >= value)` comparison puts NaN
/// otherwise than numpy's). Both take `sorter`, the indices that sort an unsorted sequence.
enum SearchSorted {
    /// Adds `searchsorted` to numpy.
    static func install(numpy np: Namespace) {
        np.numpy("searchsorted", ["a", "v", "side", "sorter"], required: 2) { args, context in
            let a = try args.array("a")
            let v = try args.array("v")
            let right = try numpySide(args["side"])
            guard a.ndim == 1 else {
                throw RuntimeError.value(a.ndim == 0 ? "object of too small depth for desired array" : "object too deep for desired array")
            }
            let order = try numpySorter(args["sorter"], count: a.count)
            let indices = try v.values.map { key -> Double in
                guard let index = search(count: a.count, order: order?[...], key: key, before: { element, key in
                    right ? !NumpyBuiltins.lessNaNLast(key, element) : NumpyBuiltins.lessNaNLast(element, key)
                }, a.values) else { throw RuntimeError.value("Sorter index out of range.") }
                return Double(index)
            }
            return try NDArray(shape: v.shape, values: indices, dtype: .int64).value(context)
        }
    }

    /// Adds `searchsorted` to torch.
    static func install(torch: Namespace) {
        torch.function("searchsorted", Signature("searchsorted", ["sorted_sequence", "values"],
                                                 keywordOnly: ["out_int32", "right", "side", "out", "sorter"])) { args, interpreter in
            try torchSearch(args, interpreter.tensors)
        }
    }

    /// numpy's `side`: False for "left", True for "right", else its errors.
    static func numpySide(_ value: Value?) throws -> Bool {
        guard let value else { return false }
        guard case .str(let side) = value else { throw RuntimeError.type("search side must be str, not \(value.typeName)") }
        guard side == "left" || side == "right" else {
            throw RuntimeError.value("search side must be 'left' or 'right' (got \(value.repr()))")
        }
        return side == "right"
    }

    /// numpy's `sorter`, checked as `PyArray_SearchSorted` checks it (shape, dtype, size).
    static func numpySorter(_ value: Value?, count: Int) throws -> [Int]? {
        guard let value, !value.isNone else { return nil }
        guard let sorter = try? NDArray.from(value, "sorter"), sorter.ndim == 1 else {
            throw RuntimeError.type("could not parse sorter argument")
        }
        guard sorter.dtype == .int64 else { throw RuntimeError.type("sorter must only contain integers") }
        guard sorter.count == count else { throw RuntimeError.value("sorter.size must equal a.size") }
        return sorter.values.map { $0.isFinite && Swift.abs($0) < 9e18 ? Int($0) : -1 }
    }

    /// The insertion index of `key` in the first `count` elements of `elements` (read through
    /// `order` when given): the number of leading elements for which `before(element, key)`
    /// holds, found by bisection. Nil when `order` holds an index out of range.
    static func search<C: RandomAccessCollection>(count: Int, order: ArraySlice<Int>?, key: C.Element,
                                                  before: (C.Element, C.Element) -> Bool, _ elements: C) -> Int?
        where C.Index == Int
    {
        var low = 0, high = count
        while low < high {
            let middle = low + (high - low) / 2
            var position = middle
            if let order {
                position = order[order.startIndex + middle]
                guard position >= 0, position < count else { return nil }
            }
            if before(elements[elements.startIndex + position], key) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension SearchSorted {
    /// `torch.searchsorted` on tensors, with PyTorch's checks and messages.
    static func torchSearch(_ args: BoundArguments, _ context: TensorContext) throws -> Value {
        if try args.bool("out_int32", false) {
            throw RuntimeError.value("torch.searchsorted(out_int32=True) is not available in rnnbook (indices are int64); leave out_int32 out")
        }
        if let out = args["out"], !out.isNone {
            throw RuntimeError.value("torch.searchsorted(out=...) is not available in rnnbook; use the tensor it returns")
        }
        let right = try torchRight(args["right"], args["side"])
        guard let boundaries = args.value("sorted_sequence").tensorObject?.tensor else {
            throw RuntimeError.type("searchsorted(): argument 'sorted_sequence' (position 1) must be Tensor, not "
                                    + args.value("sorted_sequence").typeName)
        }
        let values: Tensor
        switch args.value("values") {
        case .int, .float, .bool:
            values = try context.perform { try Tensor([Float(args.value("values").number ?? 0)], shape: []) }
        case .native(let object as TensorObject): values = object.tensor
        case let other: throw RuntimeError.type("searchsorted(): argument 'values' (position 2) must be Tensor or Number, not \(other.typeName)")
        }
        guard boundaries.ndim > 0 else {
            throw RuntimeError("torch.searchsorted(): boundaries tensor should have positive dimension, but got 0 dimension")
        }
        if values.ndim == 0, boundaries.ndim != 1 {
            throw RuntimeError("torch.searchsorted(): input value can be a scalar only when boundaries tensor dimension is 1, but we got "
                               + "boundaries tensor dim(\(boundaries.ndim)) and input value's dim(0) numel(1)")
        }
        if boundaries.ndim > 1, values.ndim != boundaries.ndim || values.shape.dropLast() != boundaries.shape.dropLast() {
            throw RuntimeError("torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 dimensions of boundaries "
                               + "tensor and input value tensor must match, but we got boundaries tensor \(boundaries.shape) and input "
                               + "value tensor \(values.shape)")
        }
        let order = try torchSorter(args["sorter"], boundaries)
        let inner = boundaries.shape[boundaries.ndim - 1]
        let (sequence, keys) = (boundaries.scalars, values.scalars)
        let perRow = boundaries.ndim == 1 ? Swift.max(keys.count, 1) : Swift.max(values.shape[values.ndim - 1], 1)
        let indices = keys.indices.map { i -> Float in
            let start = (i / perRow) * inner
            let row = sequence[start..<(start + inner)]
            let rowOrder = order?[start..<(start + inner)]
            // PyTorch's cus_lower_bound / cus_upper_bound: move right while !(mid >= key) (or !(mid > key)).
            let index = search(count: inner, order: rowOrder, key: keys[i], before: { right ? !($0 > $1) : !($0 >= $1) }, row)
            return Float(index ?? 0)
        }
        return context.wrap(try context.perform { try Tensor(indices, shape: values.shape, dtype: .int64) })
    }

    /// PyTorch's `right=` and `side=`, which must not contradict each other.
    static func torchRight(_ right: Value?, _ side: Value?) throws -> Bool {
        let flag = try right?.truthy() ?? false
        guard let side, !side.isNone else { return flag }
        let name = side.str()
        guard name == "left" || name == "right" else {
            throw RuntimeError("torch.searchsorted(): side can only be 'left' or 'right' but got \(name)")
        }
        if flag, name == "left" {
            throw RuntimeError("torch.searchsorted(): side and right can't be set to opposites, got side of left while right was True")
        }
        return name == "right"
    }

    /// PyTorch's `sorter=`: a long tensor of the boundaries' shape whose every index is in
    /// range along the last dimension.
    static func torchSorter(_ value: Value?, _ boundaries: Tensor) throws -> [Int]? {
        guard let value, !value.isNone else { return nil }
        guard let sorter = value.tensorObject?.tensor else {
            throw RuntimeError.type("searchsorted(): argument 'sorter' must be Tensor, not \(value.typeName)")
        }
        guard sorter.shape == boundaries.shape else {
            throw RuntimeError("torch.searchsorted(): boundary and sorter must have the same size, but got boundary tensor "
                               + "\(boundaries.shape)and got sorter tensor \(sorter.shape)")
        }
        guard sorter.dtype == .int64 else {
            throw RuntimeError("torch.searchsorted(): sorter must be a tensor of long dtype but got \(sorter.dtype == .bool ? "Bool" : "Float")")
        }
        let inner = boundaries.shape[boundaries.ndim - 1]
        let order = sorter.scalars.map { Int(exactly: $0) ?? -1 }
        guard order.allSatisfy({ $0 >= 0 && $0 < inner }) else { throw RuntimeError("torch.searchsorted(): sorter index out of range") }
        return order
    }
}
