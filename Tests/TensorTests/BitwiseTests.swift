import Testing
@testable import Tensor

/// Bitwise operations: logical on bool tensors, on the bits of int64 tensors, none on floats.
@Suite struct BitwiseTests {
    @Test func boolTensorsCombineAsMasks() throws {
        let a = try Tensor(bools: [true, true, false, false])
        let b = try Tensor(bools: [true, false, true, false])
        #expect(try a.bitwiseAnd(b).scalars == [1, 0, 0, 0])
        #expect(try a.bitwiseOr(b).scalars == [1, 1, 1, 0])
        #expect(try a.bitwiseXor(b).scalars == [0, 1, 1, 0])
        #expect(try a.bitwiseNot().scalars == [0, 0, 1, 1])
        #expect(try a.bitwiseAnd(b).dtype == .bool)
        #expect(try a.bitwiseNot().dtype == .bool)
        let column = try Tensor(bools: [true, false], shape: [2, 1])
        #expect(try column.bitwiseAnd(a).shape == [2, 4])
    }

    @Test func int64TensorsActOnTwosComplementBits() throws {
        let t = try Tensor(ints: [5, -6, 12])
        #expect(try t.bitwiseAnd(Tensor(scalar: 6, dtype: .int64)).scalars == [4, 2, 4])
        #expect(try t.bitwiseNot().scalars == [-6, 5, -13])
        #expect(try t.bitwiseOr(Tensor(bools: [true, false, true])).dtype == .int64)
        #expect(try t.leftShift(Tensor(ints: [2, -1, 64])).scalars == [20, 0, 0])
        #expect(try t.rightShift(Tensor(ints: [1, 70, -3])).scalars == [2, -1, 0])
    }

    @Test func floatTensorsHaveNoBitwiseOperations() throws {
        let x = try Tensor([1, 2])
        #expect(throws: TensorError("\"bitwise_and_cpu\" not implemented for 'Float'")) { try x.bitwiseAnd(x) }
        #expect(throws: TensorError("\"bitwise_not_cpu\" not implemented for 'Float'")) { try x.bitwiseNot() }
        #expect(throws: TensorError("\"bitwise_xor_cpu\" not implemented for 'Float'")) {
            try Tensor(ints: [1]).bitwiseXor(Tensor(scalar: 0.5))
        }
        #expect(throws: TensorError("\"lshift_cpu\" not implemented for 'Bool'")) {
            try Tensor(bools: [true]).leftShift(Tensor(bools: [true]))
        }
    }
}
