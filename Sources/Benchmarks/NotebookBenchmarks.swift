/// The notebook benchmarks (none yet).
func notebookBenchmarks() throws {
    print("no notebook benchmarks yet")
}
