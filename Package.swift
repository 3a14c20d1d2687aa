// swift-tools-version: 6.1
// rnnbook: Markdown notebooks for RNN neuroscience labs, run by an in-process tensor/RNN engine.
// The target graph follows DESIGN.md's module table, lowest first; a lower target never
// imports a higher one.

import Foundation
import PackageDescription

/// The engine's elementwise loops (gate activations, Adam, broadcasting) are vectorised by
/// the compiler, which by default may only use x86-64's baseline SSE2: four floats at a
/// time, no fused multiply-add. When the building machine has AVX2 and FMA (Haswell, 2013,
/// and later), the engine targets compile for it, like `-march=native`: eight floats at a
/// time, about twice as fast. The binary then needs such a CPU; set `RNNBOOK_PORTABLE=1`
/// when building to get one that runs on any x86-64.
let engineSettings: [SwiftSetting] = {
    #if os(Linux) && arch(x86_64)
    let environment = ProcessInfo.processInfo.environment
    guard environment["RNNBOOK_PORTABLE"] == nil,
          let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let flags = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return [] }
    let present = Set(flags.split(separator: " ").map(String.init))
    guard ["avx2", "fma", "bmi2"].allSatisfy(present.contains) else { return [] }
    let avx512 = ["avx512f", "avx512vl", "avx512bw", "avx512dq"].allSatisfy(present.contains)
    return [.unsafeFlags(["-target-cpu", avx512 ? "skylake-avx512" : "haswell"]), .define("RNNBOOK_FMA")]
    #else
    return []
    #endif
}()

let package = Package(
    name: "rnnbook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rnnbook", targets: ["rnnbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C libraries from Debian, as system-library shims.
        .systemLibrary(name: "CCmarkGFM", path: "Sources/CCmarkGFM"),
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS"),
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .systemLibrary(name: "CLAPACK", path: "Sources/CLAPACK"),
        .systemLibrary(name: "CProcess", path: "Sources/CProcess"),
        // Streaming stores for the fused kernels (header-only inline C).
        .target(name: "CStreamingStores"),

        // Engine and language.
        .target(name: "Diagnostics"),
        .target(name: "Tensor", dependencies: ["CBLAS", "CMalloc"], swiftSettings: engineSettings),
        .target(name: "Neural", dependencies: ["Tensor", "CBLAS", "CStreamingStores"], swiftSettings: engineSettings),
        .target(name: "Tasks", dependencies: ["Tensor"]),
        .target(name: "Motor", dependencies: ["Tensor"]),
        .target(name: "Analysis", dependencies: ["Tensor", "Neural", "CBLAS", "CLAPACK"]),
        .target(name: "Plot"),
        .target(name: "ScriptSyntax", dependencies: ["Diagnostics"]),
        .target(
            name: "ScriptRuntime",
            dependencies: ["ScriptSyntax", "Diagnostics", "Tensor", "Neural", "Tasks", "Motor", "Analysis", "Plot",
                           .product(name: "Yams", package: "Yams")],
            // The interpreter's hot paths read class fields (global slots, frames) millions of
            // times; Swift's dynamic exclusivity checks on them cost more than the reads.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),

        // Documents.
        .target(
            name: "Notebook",
            dependencies: ["CCmarkGFM", "Diagnostics", "ScriptRuntime", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Grading",
            dependencies: ["Notebook", "Diagnostics", "ScriptRuntime", "CProcess", "Tensor", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "Report",
            dependencies: ["Notebook", "Grading", "Diagnostics", "ScriptSyntax", "Tensor", .product(name: "Mustache", package: "swift-mustache")],
            plugins: ["EmbedTemplates"]
        ),

        // Build-time embedding of the top-level templates/ folder into the Report target,
        // so the binary works when moved away from the checkout.
        .executableTarget(name: "EmbedTemplatesTool", path: "Sources/EmbedTemplatesTool"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["EmbedTemplatesTool"]),

        // The command line.
        .target(
            name: "RnnbookCLI",
            dependencies: ["Notebook", "Grading", "Report", "Diagnostics", "Tensor", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "rnnbook", dependencies: ["RnnbookCLI", "Tensor"]),
        .executableTarget(
            name: "Benchmarks",
            dependencies: ["Notebook", "Report", "Grading", "Tensor", "Neural", "Tasks", "Motor", "ScriptRuntime", "Plot", "CBLAS"]
        ),

        // A seeded mutation fuzzer over parsing, the language, the tensor API, TeX and pages
        // (scripts/fuzz runs it).
        .executableTarget(name: "Fuzz", dependencies: ["Notebook", "Report", "ScriptRuntime", "ScriptSyntax", "Diagnostics"]),

        // Tests mirror targets.
        // Costs a test can bound without a wall clock: thread CPU time ratios, copy counts.
        .target(name: "CostTestSupport", path: "Tests/CostTestSupport"),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics", "CostTestSupport"]),
        // Helpers shared by the engine's test targets (gradient checks against finite differences).
        .target(name: "EngineTestSupport", dependencies: ["Tensor"], path: "Tests/EngineTestSupport"),
        .testTarget(name: "TensorTests", dependencies: ["Tensor", "EngineTestSupport"]),
        .testTarget(name: "NeuralTests", dependencies: ["Neural", "Tasks", "Tensor", "EngineTestSupport"]),
        .testTarget(name: "TasksTests", dependencies: ["Tasks", "Tensor"]),
        .testTarget(name: "MotorTests", dependencies: ["Motor", "Tensor", "EngineTestSupport"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Neural", "Tensor", "EngineTestSupport"]),
        .testTarget(name: "PlotTests", dependencies: ["Plot"]),
        .testTarget(name: "ScriptTests", dependencies: ["ScriptSyntax", "ScriptRuntime", "Diagnostics", "Tensor", "CostTestSupport"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "Diagnostics", "CostTestSupport"]),
        .testTarget(name: "GradingTests", dependencies: ["Grading", "Notebook", "Diagnostics"], exclude: ["Lab0", "Lab1", "Lab2", "Lab3", "Lab4"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Notebook", "Tensor"]),
        .testTarget(name: "CLITests", dependencies: ["RnnbookCLI", "Report", "Notebook"]),
    ],
    swiftLanguageModes: [.v6]
)
