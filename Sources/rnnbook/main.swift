import RnnbookCLI
import Tensor

BLAS.relaunchWithFasterKernelsIfNeeded()
Rnnbook.main()
