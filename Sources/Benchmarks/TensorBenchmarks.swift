/// The tensor benchmarks (none yet).
func tensorBenchmarks() throws {
    print("no tensor benchmarks yet")
}
