/// What a browser lets a page do, as the page's Content-Security-Policy `<meta>` says.
enum PagePolicy {
    /// No script, frame, plug-in, font or fetch of any kind; the inline `<style>` and
    /// `style` attributes the page and its SVG figures use; images from anywhere (a
    /// Markdown image may be a file beside the page, a web address or a `data:` URL).
    /// Forms post nowhere and `<base>` cannot move relative links. The pages need no
    /// script, so none is allowed, not even by hash; `--trust-html` leaves the policy out.
    static let contentSecurityPolicy = "default-src 'none'; script-src 'none'; object-src 'none'; "
        + "style-src 'unsafe-inline'; img-src * data: file:; base-uri 'none'; form-action 'none'"
}
