/// One thing the fuzzer feeds inputs to: its seeds, its mutation dictionary, and how to
/// run one input (returning a broken property, if the run shows one).
struct FuzzTarget {
    /// The name used on the command line and in findings.
    let name: String
    /// What it exercises, for `--list`.
    let summary: String
    /// Inputs that mutations start from.
    let seeds: [String]
    /// Tokens that mutations insert.
    let dictionary: [String]
    /// The longest input, in bytes.
    var maxLength = 16_384
    /// Makes the function that runs one input (it may keep state, such as a warm cache);
    /// the function returns a description of a broken property, or nil.
    let makeRunner: () -> (String) -> String?
    /// Makes input `index` from scratch instead of mutating a seed (the tensor API target).
    var generator: ((inout SplitMix64) -> String)?

    /// Input `index` of a run with `seed`: the same on every machine.
    func input(seed: UInt64, index: Int) -> String {
        var rng = SplitMix64(seed: seed, target: name, index: index)
        let mutator = Mutator(dictionary: dictionary, corpus: seeds.map { Array($0.utf8) }, maxLength: maxLength)
        if let generator {
            let program = generator(&rng)
            return rng.oneIn(4) ? String(decoding: mutator.mutate(Array(program.utf8), &rng), as: UTF8.self) : program
        }
        let base = seeds.isEmpty || rng.oneIn(50) ? [] : Array(rng.pick(seeds).utf8)
        return String(decoding: mutator.mutate(base, &rng), as: UTF8.self)
    }
}
