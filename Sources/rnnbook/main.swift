import RnnbookCLI
import Tensor

BLAS.relaunchWithFasterKernelsIfNeeded()
BLAS.shortenIdleSpinning()
MemoryTuning.keepFreedMemory()
Rnnbook.main()
