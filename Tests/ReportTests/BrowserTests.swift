import Foundation
import ScriptRuntime
import Testing
@testable import Notebook
@testable import Report

/// Opens rendered pages in headless Chromium (Debian's `chromium`, installed by `.ci/run`).
/// Outside CI the tests are skipped when Chromium is not installed.
enum Browser {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var required: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    static var available: Bool { path != nil || required }

    /// Runs a program and returns its standard output, reading the pipes before waiting.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, out: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        let error = Pipe()
        process.standardOutput = out
        process.standardError = error
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        _ = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func chromium(_ arguments: [String]) throws -> String {
        guard let path else { throw BrowserError.missing }
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                      "--disable-dev-shm-usage", "--user-data-dir=\(NSTemporaryDirectory())/rnnbook-chromium-\(UUID().uuidString)"]
        return try run(path, common + arguments).out
    }

    /// How many distinct colours a PNG has, and the share of pixels that are not the
    /// background, decoded by python3's zlib (no image library needed).
    static func pixelStatistics(png: String) throws -> (colours: Int, inked: Double) {
        let script = """
            import sys, zlib, struct
            data = open(sys.argv[1], 'rb').read()
            pos, idat, w, h = 8, b'', 0, 0
            while pos < len(data):
                n, kind = struct.unpack('>I4s', data[pos:pos+8]); body = data[pos+8:pos+8+n]; pos += 12 + n
                if kind == b'IHDR': w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
                if kind == b'IDAT': idat += body
            bpp = 4 if ctype == 6 else 3
            raw, stride, prev, rows = zlib.decompress(idat), w * bpp, bytearray(w * bpp), []
            for y in range(h):
                f, line = raw[y*(stride+1)], bytearray(raw[y*(stride+1)+1:(y+1)*(stride+1)])
                for i in range(stride):
                    a = line[i-bpp] if i >= bpp else 0; b = prev[i]; c = prev[i-bpp] if i >= bpp else 0
                    if f == 1: line[i] = (line[i] + a) & 255
                    elif f == 2: line[i] = (line[i] + b) & 255
                    elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
                    elif f == 4:
                        p = a + b - c; pa, pb, pc = abs(p-a), abs(p-b), abs(p-c)
                        line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
                rows.append(bytes(line)); prev = line
            pixels = [r[i:i+3] for r in rows[::4] for i in range(0, stride, bpp * 4)]
            background = max(set(pixels), key=pixels.count)
            print(len(set(pixels)), sum(p != background for p in pixels) / len(pixels))
            """
        let output = try run("/usr/bin/env", ["python3", "-c", script, png]).out.split(separator: " ")
        guard output.count == 2, let colours = Int(output[0]), let inked = Double(output[1].trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BrowserError.badImage
        }
        return (colours, inked)
    }
}

enum BrowserError: Error {
    case missing
    case badImage
}

@Suite(.enabled(if: Browser.available, "Chromium is not installed"), .serialized)
struct BrowserTests {
    @Test func figuresAndFormulasAreVisible() throws {
        let notebook = Notebook.parse(name: "b.md", text: """
            # Browser

            The update $h_t = \\tanh(W h_{t-1})$ is shown, and $$\\frac{a}{b}$$

            ```rnn #fig-loss caption="Loss"
            steps = [i for i in range(200)]
            plt.plot(steps, [1 / (1 + 0.05 * s) for s in steps], label="loss")
            plt.legend()
            ```

            ```rnn
            plt.subplot(1, 2, 1)
            plt.imshow([[i * j for j in range(10)] for i in range(10)])
            plt.subplot(1, 2, 2)
            plt.bar(["a", "b", "c"], [1, 3, 2])
            ```
            """)
        let run = NotebookRunner.run(notebook)
        #expect(!run.failed)
        let html = try ReportRenderer.render(run).html
        let (sizes, dom, statistics) = try Self.inspect(html, height: 900)
        #expect(sizes.count == 4, "expected two svg and two math elements in the DOM")
        for size in sizes {
            let parts = size.split(separator: "x").compactMap { Int($0) }
            #expect(parts.count == 2 && parts[0] > 0 && parts[1] > 0, "zero-sized element: \(size)")
        }
        #expect(dom.contains("<figcaption>"))
        #expect(statistics.colours > 10, "screenshot looks blank")
        #expect(statistics.inked > 0.005, "screenshot looks blank")
    }

    /// Lab 1, run with small parameters: its figures and formulas are laid out and visible.
    @Test func lab1FiguresAndFormulasAreVisible() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let notebook = try Notebook.load(path: root.appendingPathComponent("notebooks/01-rnn-cognitive-tasks.md").path)
        let settings = RunSettings(parameters: [
            ("train_steps", .int(60)), ("test_trials", .int(20)), ("bptt_steps", .int(5)), ("min_accuracy", .float(0)),
            ("hidden_size", .int(32)), ("step_train_steps", .int(20)),
        ])
        let run = NotebookRunner.run(notebook, settings: settings)
        #expect(!run.failed, "\(run.allDiagnostics.map(\.header))")
        let html = try ReportRenderer.render(run).html
        let (sizes, dom, statistics) = try Self.inspect(html, height: 3000)
        let figures = dom.components(separatedBy: "<figure").count - 1
        #expect(figures >= 5)
        let zero = sizes.filter { size in
            let parts = size.split(separator: "x").compactMap { Int($0) }
            return parts.count != 2 || parts[0] == 0 || parts[1] == 0
        }
        #expect(sizes.count >= 20 && zero.isEmpty, "\(sizes.count) elements, zero-sized: \(zero)")
        #expect(statistics.colours > 20 && statistics.inked > 0.01, "screenshot looks blank")
    }

    /// Issue 21, case 10: a script that reached a page anyway (a sanitizer bug) does not
    /// run, because of the page's Content-Security-Policy; without the policy it would.
    @Test func thePagePolicyStopsScripts() throws {
        let run = NotebookRunner.run(Notebook.parse(name: "p.md", text: "# Policy\n\nText.\n"))
        let html = try ReportRenderer.render(run).html
        let script = "<script>document.body.setAttribute('data-ran', 'yes')</script></body>"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-csp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, page, runs) in [("kept.html", html, false), ("dropped.html", Self.withoutPolicy(html), true)] {
            let url = folder.appendingPathComponent(name)
            try page.replacingOccurrences(of: "</body>", with: script).write(to: url, atomically: true, encoding: .utf8)
            let dom = try Browser.chromium(["--dump-dom", url.absoluteString])
            #expect(dom.contains("<h1") && dom.contains("data-ran=\"yes\"") == runs, "\(name)")
        }
    }

    /// A page without its Content-Security-Policy `<meta>`.
    static func withoutPolicy(_ html: String) -> String {
        html.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("<meta http-equiv=\"Content-Security-Policy\"") }.joined(separator: "\n")
    }

    /// The laid-out size of every svg and math element, the DOM, and the screenshot's pixels.
    static func inspect(_ html: String, height: Int) throws -> (sizes: [String], dom: String, statistics: (colours: Int, inked: Double)) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("page.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        // A copy with a probe script that writes each element's laid-out size into the DOM
        // (without the page's Content-Security-Policy, which would stop it).
        let probe = Self.withoutPolicy(html).replacingOccurrences(of: "</body>", with: """
            <script>for (const e of document.querySelectorAll('svg, math')) { const r = e.getBoundingClientRect(); \
            e.setAttribute('data-size', Math.round(r.width) + 'x' + Math.round(r.height)); }</script></body>
            """)
        let probed = folder.appendingPathComponent("probe.html")
        try probe.write(to: probed, atomically: true, encoding: .utf8)

        let dom = try Browser.chromium(["--dump-dom", probed.absoluteString])
        let sizes = dom.components(separatedBy: "data-size=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }

        let screenshot = folder.appendingPathComponent("shot.png")
        _ = try Browser.chromium(["--window-size=900,\(height)", "--screenshot=\(screenshot.path)", page.absoluteString])
        return (sizes, dom, try Browser.pixelStatistics(png: screenshot.path))
    }
}
