import Notebook

/// Runs a notebook for `render`, `build`, `export` and `check`: from the cache when it can, else
/// afresh, showing on a terminal which block is running and the training bar on one line
/// that is erased when the run ends. Piped output gets none of it. `fromCache` tells whether
/// the results came from the cache.
func runWithProgress(
    _ notebook: Notebook, settings: RunSettings, cache: RunCache?, console: Console
) -> (run: NotebookRun, fromCache: Bool) {
    let total = notebook.codeCells.count
    var current = ""
    var drawn = false
    func draw(_ line: String) {
        console.print("\r\u{1B}[K" + line, terminator: "")
        drawn = true
    }
    let onBlockStart: ((CodeCell) -> Void)? = console.isTerminal ? { cell in
        current = "[\(cell.index + 1)/\(total)] \(notebook.file.name):\(cell.fence.line)"
        draw(current)
    } : nil
    let onProgress: ((CodeCell, String) -> Void)? = console.isTerminal ? { _, line in draw(current + "  " + line) } : nil
    let (run, fromCache) = cache?.run(notebook, settings: settings, onBlockStart: onBlockStart, onProgress: onProgress)
        ?? (NotebookRunner.run(notebook, settings: settings, onBlockStart: onBlockStart, onProgress: onProgress), false)
    if drawn { console.print("\r\u{1B}[K", terminator: "") }
    return (run, fromCache)
}
