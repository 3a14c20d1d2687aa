import Foundation

/// A child process that runs one target's inputs `start, start + 1, …` until its time is
/// up. Before each input it writes the input's index and text to `current`, so that when
/// the input kills the process (a trap, a stack overflow) or hangs, the parent knows which
/// it was; at the end it writes the next index, the count of broken properties and the
/// slowest input (index and seconds) to `stats`.
struct Worker {
    let target: FuzzTarget
    let seed: UInt64
    let start: Int
    let seconds: Double
    let current: String
    let stats: String

    func run() -> Int32 {
        let descriptor = open(current, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            FileHandle.standardError.write(Data("fuzz: cannot write \(current)\n".utf8))
            return 2
        }
        defer { close(descriptor) }
        let runner = target.makeRunner()
        let deadline = Date().addingTimeInterval(seconds)
        var index = start
        var problems = 0
        var slowest = (index: start, seconds: 0.0)
        while Date() < deadline {
            let input = target.input(seed: seed, index: index)
            let record = Array("\(index)\n".utf8) + Array(input.utf8)
            _ = ftruncate(descriptor, 0)
            _ = record.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
            let began = DispatchTime.now().uptimeNanoseconds
            let problem = runner(input)
            let took = Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9
            if took > slowest.seconds { slowest = (index, took) }
            if let problem {
                problems += 1
                let finding = "\(index)\n\(problem)\n" + input
                try? Data(finding.utf8).write(to: URL(fileURLWithPath: stats + ".problem-\(index)"))
            }
            index += 1
        }
        try? Data("\(index) \(problems) \(slowest.index) \(slowest.seconds)\n".utf8).write(to: URL(fileURLWithPath: stats))
        return 0
    }
}
