import ArgumentParser

/// `--trust-html`: how `render` and `build` treat raw HTML in a notebook's prose.
struct HTMLOptions: ParsableArguments {
    @Flag(name: .customLong("trust-html"),
          help: ArgumentHelp("Put raw HTML from the notebook's prose into the page as written, scripts included, "
                             + "and leave out the page's Content-Security-Policy. By default it is cut down to harmless formatting."))
    var trustHTML = false

    init() {}
}
