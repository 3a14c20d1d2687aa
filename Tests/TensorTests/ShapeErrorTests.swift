import Testing
@testable import Tensor

@Suite struct ShapeErrorTests {
    /// The message `body` throws, or nil.
    func message(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return (error as? TensorError)?.message
        }
    }

    @Test func matmulNamesBothShapes() throws {
        let a = try Tensor.zeros([16, 3])
        let b = try Tensor.zeros([128, 3])
        #expect(message { try a.matmul(b) } == "matmul: (16, 3) @ (128, 3): inner dimensions 3 and 128 differ")
        #expect(message { try Tensor.zeros([3]).matmul(Tensor.zeros([4])) }
                == "matmul: (3,) @ (4,): inner dimensions 3 and 4 differ")
        #expect(message { try Tensor.zeros([2, 3, 4]).matmul(Tensor.zeros([5, 4, 6])) }
                == "matmul: (2, 3, 4) @ (5, 4, 6): batch dimensions (2,) and (5,) cannot be broadcast")
        #expect(message { try Tensor.zeros([]).matmul(Tensor.zeros([2])) }
                == "matmul: () @ (2,): both arguments need to be at least 1-D")
    }

    @Test func broadcastingNamesBothShapesAndOperation() throws {
        let a = try Tensor.zeros([2, 3])
        let b = try Tensor.zeros([4])
        #expect(message { try a + b } == "add: (2, 3) + (4,): shapes cannot be broadcast (dimension 1 is 3 and 4)")
        #expect(message { try a * b } == "mul: (2, 3) * (4,): shapes cannot be broadcast (dimension 1 is 3 and 4)")
        #expect(message { try a.lt(b) } == "lt: (2, 3) < (4,): shapes cannot be broadcast (dimension 1 is 3 and 4)")
    }

    @Test func shapeAndIndexErrors() throws {
        let x = try Tensor.zeros([2, 3])
        #expect(message { try x.reshape([4, -1]) } == "reshape: shape (4, -1) is invalid for input of size 6")
        #expect(message { try x.sum(dim: 2) }
                == "sum: dimension out of range (expected to be in range of [-2, 1], but got 2)")
        #expect(message { try x[2] } == "index: index 2 is out of bounds for dimension 0 with size 2")
        #expect(message { try x[0, 0, 0] } == "index: too many indices for tensor of dimension 2")
        #expect(message { try x[.tensor(try Tensor([0.5]))] }
                == "index: tensors used as indices must be long or bool tensors, got float")
        #expect(message { try Tensor.cat([x, try Tensor.zeros([3, 2])], dim: 0) }
                == "cat: tensor 0 has shape (2, 3) but tensor 1 has shape (3, 2); they must agree except in dimension 0")
        #expect(message { try x.item() } == "item: a Tensor with 6 elements cannot be converted to Scalar")
        #expect(message { try x.expand([4, 3]) } == "expand: the shape (2, 3) cannot be expanded to (4, 3)")
    }

    @Test func sizeLimitIsAnErrorNotACrash() throws {
        #expect(message { try Tensor.zeros([100_000, 100_000]) }
                == "zeros: a tensor of shape (100000, 100000) has 10000000000 elements, more than the limit of 268435456 per tensor")
        #expect(message { try Tensor.zeros([-1, 2]) } == "zeros: negative dimension -1 in shape (-1, 2)")
        #expect(message { try Tensor.zeros([1 << 40, 1 << 40]) } == "zeros: shape (1099511627776, 1099511627776) has too many elements")
    }

    @Test func hostileValuesNeverTrap() throws {
        let weird = try Tensor([.nan, .infinity, 1e30]).long()
        #expect(weird.ints == [Int.min, Int.max, Int.max])
        #expect(weird.description.hasPrefix("tensor(["))
        #expect(message { try Tensor.zeros([3])[.tensor(weird)] } != nil)
        #expect(message { try Tensor.oneHot(weird, classes: 3) } != nil)
        #expect(message { try Tensor.arange(0, 1e30, step: 1e-30) } != nil)
        #expect(message { try Tensor.randperm(-1, generator: Generator(seed: 1)) } != nil)
        #expect(try Tensor.zeros([5])[.slice(start: 1, stop: nil, step: Int.max)].shape == [1])
        #expect(try Tensor.zeros([5])[.slice(start: Int.min, stop: Int.max)].shape == [5])
        #expect(try Tensor.zeros([]).transpose(0, -1).shape == [])
        #expect(Generator(seed: 1).nextInt(below: 0) == 0)
        #expect(message { try Tensor.zeros([]).size(0) } == "size: a 0-dimensional tensor has no dimension 0")
        #expect(try Tensor.zeros([2, 5]).size(-1) == 5)
        let scalar = try Tensor(scalar: 2).requiresGrad_()
        try scalar.max(dim: 0).values.mul(3).backward()
        #expect(scalar.grad?.scalars == [3])
        #expect(try Tensor(scalar: 1).softmax(dim: 0).item() == 1)
    }

    @Test func autogradMisuse() throws {
        let x = try Tensor.zeros([2])
        #expect(message { try x.backward() }
                == "backward: element 0 of tensors does not require grad and does not have a grad_fn")
        try x.requiresGrad_()
        #expect(message { try x.mul(2).backward() } == "backward: grad can be implicitly created only for scalar outputs, not (2,)")
        #expect(message { try x.zero_() }
                == "fill_: a tensor that requires grad cannot be changed in place while gradients are recorded; compute a new tensor (y = x * 2) or write the update inside 'with no_grad():'")
        #expect(message { try Tensor(ints: [1]).requiresGrad_() }
                == "requires_grad_: only tensors of floating point dtype can require gradients")
    }
}
