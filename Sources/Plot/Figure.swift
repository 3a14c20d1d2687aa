/// A figure to be drawn as SVG (to be built: issue 6).
public struct Figure: Sendable {
    /// The figure's title, if any.
    public var title: String?

    /// Makes an empty figure.
    public init(title: String? = nil) {
        self.title = title
    }
}
