import Plot

/// The plot benchmarks: build and render (to SVG) a 2,000-point line plot, a 100×100 heat
/// map, and a 3×3 subplot grid; prints milliseconds per figure and the SVG size.
func plotBenchmarks() throws {
    let x = (0..<2000).map { Double($0) * 0.01 }
    let y = x.map { (v: Double) -> Double in
        let wiggle = Double(Int(v * 137) % 11) * 0.01
        return v * (1 - v / 20) + wiggle
    }
    try report("line plot, 2000 points", iterations: 200) {
        var plt = Pyplot()
        try plt.plot(x, y, style: SeriesStyle(label: "loss"))
        plt.title("Training loss")
        plt.xlabel("step")
        plt.ylabel("loss")
        try plt.legend()
        return plt.takeFigures()
    }

    let matrix: [[Double]] = (0..<100).map { (r: Int) -> [Double] in
        (0..<100).map { (c: Int) -> Double in Double((r * 31 + c * 17) % 97) / 97 - 0.5 }
    }
    try report("imshow 100x100", iterations: 200) {
        var plt = Pyplot()
        try plt.imshow(matrix, cmap: "RdBu_r")
        plt.title("Recurrent weights")
        return plt.takeFigures()
    }

    let short = Array(x.prefix(200)), shortY = Array(y.prefix(200))
    try report("3x3 subplot grid", iterations: 200) {
        var plt = Pyplot()
        try plt.figure(width: 9, height: 9)
        for i in 1...9 {
            try plt.subplot(3, 3, i)
            try plt.plot(short, shortY.map { $0 * Double(i) })
            try plt.scatter([1, 2, 3], [3, 1, 2])
            plt.title("unit \(i)")
        }
        return plt.takeFigures()
    }
}

/// Times `build` plus rendering every figure it returns, and prints one line.
private func report(_ name: String, iterations: Int, _ build: () throws -> [Figure]) throws {
    var bytes = 0
    let seconds = try measure(iterations: iterations) {
        bytes = try build().reduce(0) { $0 + $1.svg(idPrefix: "bench").utf8.count }
    }
    let ms = (seconds * 1e5).rounded() / 100
    print("plot: \(name): \(ms) ms per figure (build + SVG), \(bytes / 1024) KB")
}
