/// The report's templates.
public enum Templates {
    /// The names of the built-in template files.
    public static var builtInNames: [String] { EmbeddedTemplates.files.keys.sorted() }
}
