import Plot

/// matplotlib's ways of calling `legend`: `legend()`, `legend(labels)`,
/// `legend(handles, labels)`, `legend(handles=…, labels=…)`.
extension PlotBuiltins {
    /// The chosen artists (nil: every labelled one) and the labels value given, if any.
    static func legendHandles(_ args: BoundArguments, _ interpreter: Interpreter) throws -> (handles: [ArtistHandle]?, labels: Value?) {
        let keywordHandles = args["handles"].flatMap { $0.isNone ? nil : $0 }
        let keywordLabels = args["labels"].flatMap { $0.isNone ? nil : $0 }
        var handles: Value?, labels: Value?
        switch args.rest.count {
        case 0: (handles, labels) = (keywordHandles, keywordLabels)
        case 1, 2:
            guard keywordHandles == nil && keywordLabels == nil else {
                throw RuntimeError.type("legend(): give handles and labels either positionally or as keywords, not both")
            }
            if args.rest.count == 2 { (handles, labels) = (args.rest[0], args.rest[1]) } else { labels = args.rest[0] }
        default:
            throw RuntimeError.type("legend only accepts two non-keyword arguments")
        }
        guard let handles else {
            if let labels, try interpreter.collect(labels).contains(where: { if case .native(is ArtistObject) = $0 { true } else { false } }) {
                throw RuntimeError.type("A single argument passed to legend() must be a list of labels, but found an Artist in there.")
            }
            return (nil, labels)
        }
        let chosen = try interpreter.collect(handles).map { item -> ArtistHandle in
            guard case .native(let artist as ArtistObject) = item else {
                throw RuntimeError.type("legend(): handles must be artists drawn on these axes (returned by plot, bar, fill_between, "
                                        + "violinplot, …), not \(item.typeName); proxy artists are not available in rnnbook")
            }
            return artist.handle
        }
        return (chosen, labels)
    }
}
