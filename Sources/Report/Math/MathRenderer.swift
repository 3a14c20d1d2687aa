/// Renders TeX as MathML at build time: no JavaScript, no network.
public enum MathRenderer {
    /// A formula as a `<math>` element, or nil when it cannot be rendered (for tools
    /// outside the package, such as the fuzzer).
    public static func markup(_ tex: String, display: Bool) -> String? {
        try? mathML(tex, display: display).get()
    }

    /// A formula as a `<math>` element, or the reason it could not be rendered.
    static func mathML(_ tex: String, display: Bool) -> Result<String, TeXError> {
        do throws(TeXError) {
            let node = try TeXParser.parse(tex, display: display)
            var out = display ? "<math display=\"block\">" : "<math>"
            out += "<semantics>"
            MathMLWriter.write(node, into: &out)
            out += "<annotation encoding=\"application/x-tex\">\(MathMLWriter.escape(tex))</annotation>"
            out += "</semantics></math>"
            return .success(out)
        } catch {
            return .failure(error)
        }
    }
}
