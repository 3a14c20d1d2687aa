import Testing
@testable import Tensor

@Suite struct DisplayTests {
    @Test func floatsWithFourDecimals() throws {
        #expect(try Tensor([[0.1, -1.2], [3, 0.25]]).description == """
            tensor([[ 0.1000, -1.2000],
                    [ 3.0000,  0.2500]])
            """)
        #expect(try Tensor(scalar: 0.5).description == "tensor(0.5000)")
        #expect(try Tensor([1.5, .infinity]).description == "tensor([1.5000,    inf])")
    }

    @Test func wholeFloatsIntsAndBools() throws {
        #expect(try Tensor([1, 2, -3]).description == "tensor([ 1.,  2., -3.])")
        #expect(try Tensor.zeros([2]).description == "tensor([0., 0.])")
        #expect(try Tensor(scalar: 3).description == "tensor(3.)")
        #expect(try Tensor(ints: [1, 20, -3]).description == "tensor([ 1, 20, -3])")
        #expect(try Tensor(bools: [true, false]).description == "tensor([ True, False])")
        #expect(try Tensor([Float]()).description == "tensor([])")
        #expect(try Tensor.zeros([0, 3]).description == "tensor([], size=(0, 3))")
    }

    @Test func scientificNotationForWideRanges() throws {
        #expect(try Tensor([1e-5, 1]).description == "tensor([1.0000e-05, 1.0000e+00])")
        #expect(try Tensor([1e9, 1]).description == "tensor([1.0000e+09, 1.0000e+00])")
    }

    @Test func threeDimensionsSeparateBlocksWithABlankLine() throws {
        #expect(try Tensor.arange(8).reshape([2, 2, 2]).description == """
            tensor([[[0, 1],
                     [2, 3]],

                    [[4, 5],
                     [6, 7]]])
            """)
    }

    @Test func longTensorsAreSummarized() throws {
        #expect(try Tensor.arange(2000).description == "tensor([   0,    1,    2,  ..., 1997, 1998, 1999])")
        let m = try Tensor.ones([100, 100])
        #expect(m.description == """
            tensor([[1., 1., 1.,  ..., 1., 1., 1.],
                    [1., 1., 1.,  ..., 1., 1., 1.],
                    [1., 1., 1.,  ..., 1., 1., 1.],
                    ...,
                    [1., 1., 1.,  ..., 1., 1., 1.],
                    [1., 1., 1.,  ..., 1., 1., 1.],
                    [1., 1., 1.,  ..., 1., 1., 1.]])
            """)
    }

    @Test func longRowsWrapAtEightyColumns() throws {
        #expect(try Tensor.arange(30).description == """
            tensor([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16, 17,
                    18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29])
            """)
    }

    @Test func autogradSuffixes() throws {
        let w = try Tensor([1.5]).requiresGrad_()
        #expect(w.description == "tensor([1.5000], requires_grad=True)")
        #expect(try w.mul(2).description == "tensor([3.], grad_fn=<MulBackward0>)")
    }

    /// PyTorch names a reduction without `dim` `…Backward0` and one with `dim` `…Backward1`,
    /// even when the dims given are all of them.
    @Test func reductionNodesAreNamedAsPyTorchNamesThem() throws {
        let w = try Tensor([1, 2]).requiresGrad_()
        #expect(try w.sum().description == "tensor(3., grad_fn=<SumBackward0>)")
        #expect(try w.sum(dim: 0).description == "tensor(3., grad_fn=<SumBackward1>)")
        #expect(try w.mean().description == "tensor(1.5000, grad_fn=<MeanBackward0>)")
        #expect(try w.mean(dims: [0]).description == "tensor(1.5000, grad_fn=<MeanBackward1>)")
    }
}
