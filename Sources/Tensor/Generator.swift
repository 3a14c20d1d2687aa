import Foundation

/// A seeded pseudo-random number generator: xoshiro256** (Blackman & Vigna, 2018), its
/// state filled from the seed by SplitMix64, as its authors recommend.
///
/// The same seed gives the same numbers on every run and machine. Uniform floats use the
/// top 24 bits (`[0, 1)`); normal samples use the Box–Muller transform on two uniform
/// doubles, both outputs used in turn (the second is kept for the next call); integers
/// below a bound use Lemire's unbiased multiply-and-reject method. There is no global
/// generator: the owner (a notebook session) makes one and passes it to the random
/// creation functions. Not thread-safe: one generator per thread or session.
public final class Generator {
    private var s0: UInt64 = 0
    private var s1: UInt64 = 0
    private var s2: UInt64 = 0
    private var s3: UInt64 = 0
    private var spareNormal: Double?
    /// The seed this generator was last seeded with.
    public private(set) var seed: UInt64 = 0

    /// Makes a generator seeded with `seed`.
    public init(seed: UInt64) {
        manualSeed(seed)
    }

    /// An independent generator in the same state: it yields the same numbers from here on.
    public func copy() -> Generator {
        let twin = Generator(seed: seed)
        (twin.s0, twin.s1, twin.s2, twin.s3) = (s0, s1, s2, s3)
        twin.spareNormal = spareNormal
        return twin
    }

    /// Restarts the sequence from `seed` (PyTorch's `manual_seed`).
    public func manualSeed(_ seed: UInt64) {
        self.seed = seed
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix()
        s1 = splitMix()
        s2 = splitMix()
        s3 = splitMix()
        spareNormal = nil
    }

    /// The next 64 random bits.
    public func nextUInt64() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform Float in `[0, 1)` with 24 random bits.
    public func nextFloat() -> Float {
        Float(nextUInt64() >> 40) * 0x1p-24
    }

    /// A uniform Double in `[0, 1)` with 53 random bits.
    public func nextDouble() -> Double {
        Double(nextUInt64() >> 11) * 0x1p-53
    }

    /// A standard normal sample (Box–Muller).
    public func nextNormal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        let u1 = 1 - nextDouble()
        let u2 = nextDouble()
        let radius = (-2 * Foundation.log(u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        spareNormal = radius * Foundation.sin(angle)
        return radius * Foundation.cos(angle)
    }

    /// A uniform integer in `0..<bound`, without modulo bias (0 when `bound` is 0).
    public func nextInt(below bound: UInt64) -> UInt64 {
        guard bound > 0 else { return 0 }
        var product = nextUInt64().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = nextUInt64().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }
}
