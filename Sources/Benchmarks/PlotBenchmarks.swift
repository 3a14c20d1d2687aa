/// The plot benchmarks (none yet).
func plotBenchmarks() throws {
    print("no plot benchmarks yet")
}
