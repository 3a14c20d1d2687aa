import Foundation

extension BLAS {
    /// When OpenBLAS fell back to its slow generic kernels on this CPU, re-executes the
    /// running program with `OPENBLAS_CORETYPE` set to `suggestedCoreType` (OpenBLAS reads it
    /// only at load time). Returns normally when nothing needs doing or `exec` fails; the
    /// relaunched process sees the variable set and does not relaunch again.
    public static func relaunchWithFasterKernelsIfNeeded() {
        guard ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil,
            ProcessInfo.processInfo.environment["RNNBOOK_NO_RELAUNCH"] == nil,
            let core = suggestedCoreType
        else { return }
        setenv("OPENBLAS_CORETYPE", core, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // exec failed: carry on with the slow kernels.
        unsetenv("OPENBLAS_CORETYPE")
    }
}
