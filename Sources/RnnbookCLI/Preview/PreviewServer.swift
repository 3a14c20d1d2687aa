import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 server on 127.0.0.1 for `rnnbook preview`: `GET /` is the page with a
/// script that reloads it when `GET /version` changes. One connection at a time, each closed
/// after its answer; anything but GET is refused.
final class PreviewServer: @unchecked Sendable {
    private let state: PreviewState
    private var listener: Int32 = -1
    private let lock = NSLock()
    private var stopped = false

    init(state: PreviewState) {
        self.state = state
    }

    /// Binds to `port` on the loopback interface (0: any free port) and returns the port.
    func bind(port: Int) throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw PreviewError(message: "cannot open a socket") }
        var reuse: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: port)).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socket, 16) == 0 else {
            close(socket)
            throw PreviewError(message: "cannot listen on 127.0.0.1:\(port) (\(String(cString: strerror(errno))))")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        listener = socket
        return Int(UInt16(bigEndian: actual.sin_port))
    }

    /// Answers requests until `stop()`.
    func serve() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if lock.withLock({ stopped }) { return }
                continue
            }
            handle(client)
            close(client)
        }
    }

    /// Stops serving: the listening socket is closed.
    func stop() {
        lock.withLock { stopped = true }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func handle(_ client: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while request.count < 65_536 {
            let count = recv(client, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            request += buffer[0..<count]
            if request.count >= 4, request.suffix(4) == [13, 10, 13, 10] { break }
            if String(decoding: request, as: UTF8.self).contains("\r\n\r\n") { break }
        }
        let line = String(decoding: request, as: UTF8.self).split(separator: "\r\n").first ?? ""
        let parts = line.split(separator: " ")
        guard parts.count >= 2, parts[0] == "GET" else {
            respond(client, status: "405 Method Not Allowed", type: "text/plain", body: "only GET\n")
            return
        }
        let target = parts[1].split(separator: "?").first.map(String.init) ?? "/"
        switch target {
        case "/", "/index.html":
            state.refresh()
            let (html, version) = state.page
            respond(client, status: "200 OK", type: "text/html; charset=utf-8", body: Self.withReload(html, version: version))
        case "/version":
            state.refresh()
            respond(client, status: "200 OK", type: "text/plain", body: "\(state.page.version)")
        case "/preview.js":
            respond(client, status: "200 OK", type: "text/javascript", body: Self.script)
        default:
            respond(client, status: "404 Not Found", type: "text/plain", body: "not found\n")
        }
    }

    private func respond(_ client: Int32, status: String, type: String, body: String) {
        let bytes = Array(body.utf8)
        let head = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(bytes.count)\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
        let data = Array(head.utf8) + bytes
        var sent = 0
        while sent < data.count {
            let count = data[sent...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            sent += count
        }
    }

    /// Polls `/version` twice a second and reloads the page, keeping the scroll position.
    static let script = """
        (function () {
          var current = document.documentElement.getAttribute('data-preview-version');
          var y = sessionStorage.getItem('rnnbook-preview-y');
          if (y !== null) { window.scrollTo(0, parseFloat(y)); sessionStorage.removeItem('rnnbook-preview-y'); }
          setInterval(function () {
            fetch('/version', { cache: 'no-store' }).then(function (r) { return r.text(); }).then(function (v) {
              if (v !== current) { sessionStorage.setItem('rnnbook-preview-y', String(window.scrollY)); location.reload(); }
            }).catch(function () {});
          }, 500);
        })();
        """

    /// The page with its version and the reload script (and without a Content-Security-Policy
    /// that would block the script: the preview is the author's own page on localhost).
    static func withReload(_ html: String, version: Int) -> String {
        var page = html.replacingOccurrences(
            of: #"<meta http-equiv="Content-Security-Policy"[^>]*>"#, with: "", options: [.regularExpression, .caseInsensitive])
        page = page.replacingOccurrences(of: "<html lang=\"en\">", with: "<html lang=\"en\" data-preview-version=\"\(version)\">")
        if !page.contains("data-preview-version") {
            page = page.replacingOccurrences(of: "<html", with: "<html data-preview-version=\"\(version)\"")
        }
        return page.replacingOccurrences(of: "</body>", with: "<script src=\"/preview.js\"></script>\n</body>")
    }
}

/// A preview that cannot start.
struct PreviewError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
