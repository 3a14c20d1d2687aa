import RnnbookCLI
import Tensor

BLAS.relaunchWithFasterKernelsIfNeeded()
MemoryTuning.keepFreedMemory()
Rnnbook.main()
