/// Byte-level mutations of an input, steered by a target's dictionary of tokens and by the
/// rest of its corpus: bit flips, interesting bytes, token insertions, deletions, copies,
/// long repeats (for nesting and size limits), splices, and interesting numbers.
struct Mutator {
    let dictionary: [String]
    let corpus: [[UInt8]]
    let maxLength: Int

    static let interestingBytes: [UInt8] = Array("\n\t ()[]{}:,.=\"'\\`$#@-+*/<>&;!0_".utf8) + [0, 0x7f, 0xc3, 0xe2, 0xff]
    static let interestingNumbers = [
        "0", "-1", "1", "2", "255", "65536", "2147483648", "4294967296", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "1e19", "1e308", "1e1000", "-0.0", "1e-320", "float('nan')", "float('inf')", "2**62",
        "1 << 62", "10**18", "0.5", "3",
    ]

    /// A mutation of `input`: one to eight changes stacked, capped at `maxLength` bytes.
    func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0...rng.below(8) {
            apply(&bytes, &rng)
            if bytes.count > maxLength { bytes.removeLast(bytes.count - maxLength) }
        }
        return bytes
    }

    private func apply(_ bytes: inout [UInt8], _ rng: inout SplitMix64) {
        let position = rng.below(bytes.count + 1)
        switch rng.below(11) {
        case 0 where !bytes.isEmpty:
            bytes[rng.below(bytes.count)] ^= UInt8(1) << UInt8(rng.below(8))
        case 1 where !bytes.isEmpty:
            bytes[rng.below(bytes.count)] = rng.pick(Self.interestingBytes)
        case 2...3 where !dictionary.isEmpty:
            bytes.insert(contentsOf: Array(rng.pick(dictionary).utf8), at: position)
        case 4 where !bytes.isEmpty:
            let start = rng.below(bytes.count)
            bytes.removeSubrange(start..<(start + 1 + rng.below(min(16, bytes.count - start))))
        case 5 where !bytes.isEmpty:
            let start = rng.below(bytes.count)
            let length = 1 + rng.below(min(64, bytes.count - start))
            bytes.insert(contentsOf: bytes[start..<(start + length)], at: position)
        case 6 where !bytes.isEmpty:
            // A long repeat: deep nesting, long lines, many blocks.
            let start = rng.below(bytes.count)
            let length = 1 + rng.below(min(8, bytes.count - start))
            let times = rng.oneIn(4) ? 1 + rng.below(20_000) : 1 + rng.below(200)
            let piece = Array(bytes[start..<(start + length)])
            var repeated: [UInt8] = []
            repeated.reserveCapacity(min(piece.count * times, maxLength))
            for _ in 0..<times where repeated.count < maxLength { repeated += piece }
            bytes.insert(contentsOf: repeated, at: position)
        case 7 where !corpus.isEmpty:
            let other = rng.pick(corpus)
            guard !other.isEmpty else { return }
            let start = rng.below(other.count)
            let length = 1 + rng.below(min(256, other.count - start))
            bytes.insert(contentsOf: other[start..<(start + length)], at: position)
        case 8:
            replaceNumber(&bytes, &rng)
        case 9 where bytes.count > 1:
            bytes.removeLast(rng.below(bytes.count))
        default:
            bytes.insert(rng.pick(Self.interestingBytes), at: position)
        }
    }

    /// Replaces a run of digits (or inserts at random) with an interesting number.
    private func replaceNumber(_ bytes: inout [UInt8], _ rng: inout SplitMix64) {
        let number = Array(rng.pick(Self.interestingNumbers).utf8)
        let digits = bytes.indices.filter { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
        guard !digits.isEmpty else {
            bytes.insert(contentsOf: number, at: rng.below(bytes.count + 1))
            return
        }
        var start = rng.pick(digits)
        var end = start + 1
        while start > 0, bytes[start - 1] >= 0x30 && bytes[start - 1] <= 0x39 { start -= 1 }
        while end < bytes.count, bytes[end] >= 0x30 && bytes[end] <= 0x39 { end += 1 }
        bytes.replaceSubrange(start..<end, with: number)
    }
}
