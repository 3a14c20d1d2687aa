import Foundation

/// A native value with Python's value-based hashing (a namedtuple, a frozenset): `HashKey`
/// and `hash()` use these instead of the object's identity.
protocol ValueHashable: NativeObject {
    /// The key the value is found under in a dict or set (equal values, equal keys).
    func hashKey() throws -> HashKey
    /// Python's `hash(value)`.
    func pythonHash() throws -> Int
}

/// Python's `hash()`, computed as CPython 3.11 computes it, so that sets iterate and print in
/// CPython's order.
///
/// Ints, floats, bools and tuples hash exactly as in CPython (64-bit build). Strings hash
/// with SipHash-1-3 under a zero key, which is what CPython does with `PYTHONHASHSEED=0`
/// (CPython's default randomizes string hashes per process, so no order of a set of strings
/// is "the" CPython order; this one is reproducible). `None` hashes to the constant CPython
/// 3.12 uses. Functions and engine objects (tensors, models) hash to one constant: CPython
/// hashes them by address, which would make a set of them print in a different order on
/// every run; equal hashes keep their order the order of insertion instead.
enum PythonHash {
    /// CPython's modulus for numeric hashes, 2**61 - 1.
    static let modulus: UInt64 = (1 << 61) - 1
    static let noneHash = 0xFCA8_6420
    static let objectHash = 0x5A5A_5A5A

    /// `hash(value)`, or a type error for unhashable values.
    static func hash(_ value: Value) throws -> Int {
        switch value {
        case .none: return noneHash
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return integer(i)
        case .float(let d): return double(d)
        case .str(let s): return string(s)
        case .tuple(let items): return try tuple(items.map(hash))
        case .function, .builtin: return objectHash
        case .native(let object):
            if let hashable = object as? ValueHashable { return try hashable.pythonHash() }
            return objectHash
        case .list, .dict:
            throw RuntimeError.type("unhashable type: '\(value.typeName)'")
        }
    }

    /// `hash(i)`: `i mod (2**61 - 1)` with the sign of `i`; -1 becomes -2.
    static func integer(_ i: Int) -> Int {
        let reduced = Int(UInt64(i.magnitude) % modulus)
        let signed = i < 0 ? -reduced : reduced
        return signed == -1 ? -2 : signed
    }

    /// `hash(d)`: equal to the hash of the int when `d` is integral (CPython's `_Py_HashDouble`).
    static func double(_ d: Double) -> Int {
        if d.isNaN { return 0 }
        if d.isInfinite { return d > 0 ? 314_159 : -314_159 }
        var exponent: Int32 = 0
        var mantissa = frexp(d, &exponent)
        var e = Int(exponent)
        var sign: Int64 = 1
        if mantissa < 0 {
            sign = -1
            mantissa = -mantissa
        }
        var x: UInt64 = 0
        while mantissa != 0 {
            x = ((x << 28) & modulus) | x >> (61 - 28)
            mantissa *= 268_435_456.0
            e -= 28
            let y = UInt64(mantissa)
            mantissa -= Double(y)
            x += y
            if x >= modulus { x -= modulus }
        }
        e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61)
        x = ((x << UInt64(e)) & modulus) | x >> UInt64(61 - e)
        let result = Int(bitPattern: UInt(x)) &* Int(sign)
        return result == -1 ? -2 : result
    }

    /// CPython's tuple hash (an xxHash variant over the items' hashes).
    static func tuple(_ hashes: [Int]) -> Int {
        let prime1: UInt64 = 11_400_714_785_074_694_791
        let prime2: UInt64 = 14_029_467_366_897_019_727
        let prime5: UInt64 = 2_870_177_450_012_600_261
        var acc = prime5
        for lane in hashes {
            acc &+= UInt64(bitPattern: Int64(lane)) &* prime2
            acc = (acc << 31) | (acc >> 33)
            acc &*= prime1
        }
        acc &+= UInt64(hashes.count) ^ (prime5 ^ 3_527_539)
        if acc == UInt64.max { return 1_546_275_796 }
        return Int(bitPattern: UInt(acc))
    }

    /// The hash of a string: SipHash-1-3 with a zero key over CPython's storage of it
    /// (one byte per character below U+0100, else two below U+10000, else four).
    static func string(_ s: String) -> Int {
        if s.isEmpty { return 0 }
        let scalars = s.unicodeScalars.map(\.value)
        let width = scalars.contains { $0 > 0xFFFF } ? 4 : scalars.contains { $0 > 0xFF } ? 2 : 1
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * width)
        for scalar in scalars {
            for k in 0..<width { bytes.append(UInt8(truncatingIfNeeded: scalar >> (8 * UInt32(k)))) }
        }
        let hash = Int(bitPattern: UInt(sipHash13(bytes)))
        return hash == -1 ? -2 : hash
    }

    /// SipHash-1-3 (one compression round, three finalization rounds) under the key (0, 0).
    static func sipHash13(_ bytes: [UInt8]) -> UInt64 {
        var v0: UInt64 = 0x736f_6d65_7073_6575
        var v1: UInt64 = 0x646f_7261_6e64_6f6d
        var v2: UInt64 = 0x6c79_6765_6e65_7261
        var v3: UInt64 = 0x7465_6462_7974_6573
        func rotate(_ x: UInt64, _ b: UInt64) -> UInt64 { (x << b) | (x >> (64 - b)) }
        func round() {
            v0 &+= v1; v2 &+= v3
            v1 = rotate(v1, 13) ^ v0; v3 = rotate(v3, 16) ^ v2
            v0 = rotate(v0, 32)
            v2 &+= v1; v0 &+= v3
            v1 = rotate(v1, 17) ^ v2; v3 = rotate(v3, 21) ^ v0
            v2 = rotate(v2, 32)
        }
        func word(_ start: Int, _ count: Int) -> UInt64 {
            var w: UInt64 = 0
            for k in 0..<count { w |= UInt64(bytes[start + k]) << (8 * UInt64(k)) }
            return w
        }
        var offset = 0
        while bytes.count - offset >= 8 {
            let m = word(offset, 8)
            v3 ^= m
            round()
            v0 ^= m
            offset += 8
        }
        let b = UInt64(truncatingIfNeeded: bytes.count) << 56 | word(offset, bytes.count - offset)
        v3 ^= b
        round()
        v0 ^= b
        v2 ^= 0xff
        round()
        round()
        round()
        return (v0 ^ v1) ^ (v2 ^ v3)
    }
}
