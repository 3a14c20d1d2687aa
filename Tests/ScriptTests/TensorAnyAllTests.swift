import Testing

/// `Tensor.any`/`all` take PyTorch's `dim` and `keepdim` (they were refused): bool results,
/// NaN counts as nonzero, and an empty reduction is False for `any`, True for `all`.
/// Expected values are PyTorch 2's.
@Suite struct TensorAnyAllTests {
    @Test func reductionsOverDimensions() {
        let output = run("""
            import torch
            x = torch.tensor([[0.0, 1.0, 0.0], [0.0, 2.0, 3.0]])
            print(x.any(dim=1), x.all(dim=1))
            print(x.any(dim=0), x.all(0))
            print(x.any(dim=(0, 1)).item(), tuple(x.any(1, keepdim=True).shape), tuple(x.all(keepdim=True).shape))
            print(x.any().item(), x.all().item(), torch.tensor([float('nan'), 0.0]).any(dim=0).item())
            e = torch.zeros(2, 0)
            print(e.any(dim=1), e.all(dim=1))
            """)
        #expect(output == """
            tensor([True, True]) tensor([False, False])
            tensor([False,  True,  True]) tensor([False,  True, False])
            True (2, 1) (1, 1)
            True False True
            tensor([False, False]) tensor([True, True])

            """, "\(output)")
    }

    @Test func badDimensionsAreErrors() {
        #expect(run("import torch\ntorch.ones(2).any(dim=3)").contains("error"))
        #expect(run("import torch\ntorch.ones(2).all(dim='a')").contains("error"))
    }
}
