import Foundation
import ScriptRuntime

/// Checks on the module files a run imported (`import models.rnn`): a cached result, or a
/// block's result kept by `rnnbook preview`, stands only while they hold the same text.
enum ModuleFiles {
    /// Whether each file still holds exactly `text` (false when it cannot be read), or is
    /// still missing when it was (`ScriptSession.missingFileText`).
    static func unchanged(_ files: [String: String]) -> Bool {
        files.allSatisfy { path, text in
            guard FileManager.default.fileExists(atPath: path) else { return text == ScriptSession.missingFileText }
            return FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) } == text
        }
    }
}
