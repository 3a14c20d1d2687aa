/// The language benchmarks (none yet).
func languageBenchmarks() throws {
    print("no language benchmarks yet")
}
