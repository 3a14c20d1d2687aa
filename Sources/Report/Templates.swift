import Foundation
import Mustache

/// A problem with the report templates: a file that cannot be read or does not parse.
public struct TemplateError: Error, CustomStringConvertible {
    /// What went wrong, naming the template file.
    public var message: String
    public var description: String { message }
}

/// The report's templates: the built-in copy of the top-level `templates/` folder (embedded
/// at build time), optionally overridden file by file from a folder (`--templates DIR`).
public struct Templates: Sendable {
    /// The template files' texts, by file name (`page.mustache`, `style.css`, …).
    public private(set) var files: [String: String]

    /// The templates built into the binary.
    public static var builtIn: Templates { Templates(files: EmbeddedTemplates.files) }

    init(files: [String: String]) {
        self.files = files
    }

    /// The built-in templates with every file in `directory` taking the place of the
    /// built-in file of the same name.
    public static func overriding(with directory: String) throws -> Templates {
        var templates = Templates.builtIn
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TemplateError(message: "templates folder '\(directory)' does not exist")
        }
        let names = (try? manager.contentsOfDirectory(atPath: directory)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = manager.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw TemplateError(message: "cannot read template '\(path)' as UTF-8 text")
            }
            templates.files[name] = text
        }
        return templates
    }

    /// The Mustache library of every `.mustache` file, by name without extension, for partials.
    func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in files.sorted(by: { $0.key < $1.key }) where name.hasSuffix(".mustache") {
            do {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                throw TemplateError(message: "template '\(name)' does not parse: \(error)")
            }
        }
        return library
    }

    /// Renders template `name` (without extension) with a context of dictionaries and arrays.
    func render(_ name: String, _ context: [String: Any]) throws -> String {
        let library = try library()
        guard let output = library.render(context, withTemplate: name) else {
            throw TemplateError(message: "template '\(name).mustache' is missing")
        }
        return output
    }

    /// A non-template file's text (the style sheet), or empty.
    func text(_ name: String) -> String { files[name] ?? "" }
}
