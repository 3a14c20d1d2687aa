import Foundation
import Tensor

/// `torch.utils.data`: `TensorDataset`, `DataLoader`, `Subset`, `random_split` and
/// `default_collate`, with PyTorch's arguments.
///
/// DataLoader loads in the session, one sample at a time, so the multiprocessing options
/// are accepted only with the values that mean "no worker processes" (`num_workers=0`,
/// `persistent_workers=False`, `prefetch_factor=None`, `multiprocessing_context=None`), as
/// PyTorch itself requires without workers; `pin_memory`, `timeout`, `worker_init_fn`,
/// `pin_memory_device` and `in_order` are accepted and, as in PyTorch without workers or a
/// GPU, change nothing. `sampler`, `batch_sampler` and `generator` are refused with what to
/// write instead.
enum DataBuiltins {
    static let loaderSignature = Signature(
        "DataLoader",
        ["dataset", "batch_size", "shuffle", "sampler", "batch_sampler", "num_workers", "collate_fn", "pin_memory",
         "drop_last", "timeout", "worker_init_fn", "multiprocessing_context", "generator"],
        required: 1,
        keywordOnly: ["prefetch_factor", "persistent_workers", "pin_memory_device", "in_order"])

    /// Adds the names to the `torch.utils.data` namespace.
    static func install(into data: Namespace) {
        data.value("Dataset", .native(BuiltinClasses.dataset))
        data.function("TensorDataset", Signature("TensorDataset", variadic: true)) { args, _ in
            .native(try TensorDatasetObject.make(args.rest))
        }
        data.function("DataLoader", loaderSignature) { args, interpreter in
            .native(try loader(args, interpreter))
        }
        data.function("Subset", Signature("Subset", ["dataset", "indices"])) { args, interpreter in
            let indices = try interpreter.collect(args.value("indices")).map { try $0.asInt("Subset() index") }
            return .native(SubsetObject(dataset: args.value("dataset"), indices: indices, owner: interpreter))
        }
        data.function("random_split", Signature("random_split", ["dataset", "lengths", "generator"], required: 2)) {
            args, interpreter in
            try randomSplit(args, interpreter)
        }
        data.function("default_collate", Signature("default_collate", ["batch"])) { args, interpreter in
            try DataCollation.collate(try interpreter.collect(args.value("batch")), interpreter)
        }
    }

    /// Checks a DataLoader's arguments and makes it.
    static func loader(_ args: BoundArguments, _ interpreter: Interpreter) throws -> DataLoaderObject {
        var batchSize: Int? = 1
        if let given = args["batch_size"] {
            batchSize = given.isNone ? nil : try given.asInt("DataLoader() argument 'batch_size'")
        }
        if let batchSize, batchSize <= 0 {
            throw RuntimeError.value("batch_size should be a positive integer value, but got batch_size=\(batchSize)")
        }
        let dropLast = try args.bool("drop_last", false)
        if batchSize == nil && dropLast {
            throw RuntimeError.value("batch_size=None option disables auto-batching and is mutually exclusive with drop_last")
        }
        for name in ["sampler", "batch_sampler"] where !(args[name]?.isNone ?? true) {
            throw RuntimeError.value("DataLoader(): \(name)= is not supported here; use shuffle=True for a random order, "
                                     + "or a Subset(dataset, indices) for a fixed one")
        }
        if !(args["generator"]?.isNone ?? true) {
            throw RuntimeError.value("DataLoader(): generator= is not supported here; shuffling draws from the notebook's "
                                     + "generator, seeded by its seed and by torch.manual_seed")
        }
        try checkSingleProcess(args)
        let collate = args["collate_fn"].flatMap { $0.isNone ? nil : $0 }
        return DataLoaderObject(dataset: args.value("dataset"), batchSize: batchSize, shuffle: try args.bool("shuffle", false),
                                dropLast: dropLast, collateFunction: collate, owner: interpreter)
    }

    /// The worker options: only their single-process values, with PyTorch's messages.
    static func checkSingleProcess(_ args: BoundArguments) throws {
        let workers = try args.int("num_workers", 0)
        if workers < 0 {
            throw RuntimeError.value("num_workers option should be non-negative; use num_workers=0 to disable multiprocessing.")
        }
        if workers > 0 {
            throw RuntimeError.value("DataLoader(): num_workers=\(workers) is not supported here: batches are loaded in the "
                                     + "notebook's session; use num_workers=0")
        }
        if !(args["multiprocessing_context"]?.isNone ?? true) {
            throw RuntimeError.value("multiprocessing_context can only be used with multi-process loading (num_workers > 0), but got num_workers=0")
        }
        if !(args["prefetch_factor"]?.isNone ?? true) {
            throw RuntimeError.value("prefetch_factor option could only be specified in multiprocessing.let num_workers > 0 "
                                     + "to enable multiprocessing, otherwise set prefetch_factor to None.")
        }
        if try args.bool("persistent_workers", false) {
            throw RuntimeError.value("persistent_workers option needs num_workers > 0")
        }
        if try args.double("timeout", 0) < 0 {
            throw RuntimeError.value("timeout option should be non-negative")
        }
        _ = try args.bool("pin_memory", false)
        _ = try args.string("pin_memory_device", "")
        _ = try args.bool("in_order", true)
    }

    /// `random_split(dataset, lengths)`: lengths that sum to the dataset's length, or
    /// fractions that sum to 1 (each `floor(n * f)`, the remainder given one by one to the
    /// first splits, as PyTorch); a permutation from the session's generator.
    static func randomSplit(_ args: BoundArguments, _ interpreter: Interpreter) throws -> Value {
        if !(args["generator"]?.isNone ?? true) {
            throw RuntimeError.value("random_split(): generator= is not supported here; the split draws from the notebook's "
                                     + "generator, seeded by its seed and by torch.manual_seed")
        }
        let dataset = args.value("dataset")
        let count = try interpreter.length(dataset)
        let mismatch = RuntimeError.value("Sum of input lengths does not equal the length of the input dataset!")
        let given = try interpreter.collect(args.value("lengths")).map { try $0.asDouble("random_split() length") }
        var lengths: [Int]
        let total = given.reduce(0, +)
        if abs(total - 1) <= 1e-9 * Swift.max(1, abs(total)), total <= 1 {
            lengths = try given.enumerated().map { i, fraction in
                guard fraction >= 0, fraction <= 1 else { throw RuntimeError.value("Fraction at index \(i) is not between 0 and 1") }
                return Int((Double(count) * fraction).rounded(.down))
            }
            let remainder = count - lengths.reduce(0, +)
            for i in 0..<Swift.max(0, remainder) where !lengths.isEmpty { lengths[i % lengths.count] += 1 }
        } else {
            lengths = try given.map { value in
                guard value == value.rounded(), value >= 0 else {
                    throw RuntimeError.value("random_split(): lengths must be non-negative ints, or fractions that sum to 1")
                }
                // A length beyond the dataset's cannot add up to it (and could overflow the sum).
                guard value <= Double(count) else { throw mismatch }
                return try CheckedCount.count(value, "random_split() length")
            }
        }
        var sum = 0
        for length in lengths {
            sum += length
            if sum > count { throw mismatch }
        }
        guard sum == count else { throw mismatch }
        let context = interpreter.tensors
        let order = try context.perform { try Tensor.randperm(count, generator: context.generator).ints }
        var offset = 0
        return .list(ListObject(lengths.map { length in
            defer { offset += length }
            return .native(SubsetObject(dataset: dataset, indices: Array(order[offset..<(offset + length)]), owner: interpreter))
        }))
    }
}
