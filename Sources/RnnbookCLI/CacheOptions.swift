import ArgumentParser
import Foundation
import Notebook
import Tensor

/// The results cache of `render` and `build`.
struct CacheOptions: ParsableArguments {
    @Flag(name: .customLong("no-cache"),
          help: "Run every block afresh; neither reuse nor store cached results.")
    var noCache = false

    @Flag(help: "Run every block afresh and store the results in the cache, replacing what was there.")
    var refresh = false

    @Option(name: .customLong("cache-dir"),
            help: ArgumentHelp("Where cached results live (default: $RNNBOOK_CACHE_DIR, else ~/.cache/rnnbook).",
                               valueName: "dir"))
    var cacheDirectory: String?

    init() {}

    func validate() throws {
        if noCache, refresh {
            throw ValidationError("--refresh stores the fresh results in the cache and --no-cache leaves the cache alone: give one of them")
        }
    }

    /// The cache to use, nil with `--no-cache`; with `--refresh`, one that runs afresh.
    func cache() -> RunCache? {
        guard !noCache else { return nil }
        let directory = cacheDirectory.map { URL(fileURLWithPath: $0) } ?? RunCache.defaultDirectory()
        var cache = RunCache(directory: directory, environment: CacheOptions.environment)
        cache.refreshes = refresh
        return cache
    }

    /// What a command says when a notebook's results came from the cache.
    static let reused = "unchanged since the last run: results reused from the cache (--refresh runs it afresh)"

    /// What identifies this program's results: its version, the executable itself (a
    /// rebuild may change floating-point results in the last bits) and OpenBLAS's kernels.
    static let environment: String = {
        var parts = ["rnnbook \(RnnbookVersion.current)", "blas \(BLAS.coreName)"]
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        if let attributes = try? FileManager.default.attributesOfItem(atPath: executable) {
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            parts.append("executable \(executable) \(size) \(modified)")
        }
        return parts.joined(separator: "; ")
    }()
}
