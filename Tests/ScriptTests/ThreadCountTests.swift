import Testing
import Tensor

/// `torch.set_num_threads` sets the engine's thread count (OpenBLAS's, which the fused
/// kernels follow) and `torch.get_num_threads` reads it, as in PyTorch.
@Suite struct ThreadCountTests {
    @Test func setAndGetNumThreads() {
        let original = BLAS.threadCount
        defer { BLAS.setThreadCount(original) }
        #expect(run("import torch\ntorch.set_num_threads(1)\nprint(torch.get_num_threads())\n") == "1\n")
        #expect(run("import torch\ntorch.set_num_threads(0)\n").contains("set_num_threads expects a positive integer"))
    }
}
