import Foundation

/// The images a notebook's prose shows by a relative path (`![diagram](figs/a.png)`, as
/// `rnnbook import` writes a Jupyter notebook's attachments), put into the page as `data:`
/// URLs so that the page stands alone: copied into a course site, written elsewhere with
/// `-o`, or served by `preview`, it still shows them.
///
/// Only image files inside the notebook's folder are read (after `..` and symbolic links
/// are resolved), as `open()` reads files, and none larger than `maximumBytes`.
struct LocalImages {
    /// Why an image was left as a link.
    enum Problem: Error, Equatable {
        case notFound
        case outsideFolder
        case notAnImage
        case tooLarge
    }

    /// The MIME type of each image file extension a browser shows in `<img>`.
    static let types = ["png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
                        "svg": "image/svg+xml", "webp": "image/webp"]
    /// The largest image embedded (10 MB).
    static let maximumBytes = 10 << 20

    /// The notebook's folder, symbolic links resolved.
    let folder: String

    /// The images of the notebook at `notebookPath` (as given to the renderer).
    init(notebookPath: String) {
        folder = URL(fileURLWithPath: notebookPath).deletingLastPathComponent().resolvingSymlinksInPath().path
    }

    /// Whether `source` names a file by a relative path: no scheme, not absolute, not a fragment.
    static func isRelative(_ source: String) -> Bool {
        guard !source.isEmpty, !source.hasPrefix("/"), !source.hasPrefix("#"), !source.hasPrefix("?") else { return false }
        let beforeSlash = source.prefix { $0 != "/" }
        return !beforeSlash.contains(":")
    }

    /// The image as a `data:` URL.
    func dataURL(_ source: String) -> Result<String, Problem> {
        let path = (source.split(separator: "#", maxSplits: 1).first.map(String.init) ?? source)
        let decoded = path.removingPercentEncoding ?? path
        let file = URL(fileURLWithPath: folder).appendingPathComponent(decoded).standardizedFileURL.resolvingSymlinksInPath().path
        guard file.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") else { return .failure(.outsideFolder) }
        guard let type = Self.types[(file as NSString).pathExtension.lowercased()] else { return .failure(.notAnImage) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue else { return .failure(.notFound) }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? nil
        guard let size, size <= Self.maximumBytes else { return .failure(.tooLarge) }
        guard let data = FileManager.default.contents(atPath: file) else { return .failure(.notFound) }
        return .success("data:\(type);base64,\(data.base64EncodedString())")
    }

    /// The warning for an image left as a link.
    static func message(_ problem: Problem, _ source: String) -> String {
        switch problem {
        case .notFound: "image '\(source)' not found beside the notebook"
        case .outsideFolder: "image '\(source)' is outside the notebook's folder: not put into the page, only linked"
        case .notAnImage: "'\(source)' is not an image file (.png, .jpg, .gif, .svg, .webp): not put into the page, only linked"
        case .tooLarge: "image '\(source)' is larger than 10 MB: not put into the page, only linked"
        }
    }
}
