import Neural
import Tensor

/// `torch.save(obj, path)` and `torch.load(path)`, on disk as safetensors.
enum TorchSave {
    /// Throws when `write` and writing files is turned off (while grading); notes that the
    /// session used files.
    static func checkWritable(_ write: Bool, _ what: String, _ interpreter: Interpreter) throws {
        if write, !interpreter.fileWritesAllowed {
            throw RuntimeError("\(what) cannot write files here: writing files is turned off while grading", id: "file-access")
        }
        interpreter.touchedFiles = true
    }
}
