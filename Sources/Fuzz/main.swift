import Foundation

// The fuzzer. `Fuzz [SECONDS] [--target NAME]… [--seed N] [--hang SECONDS] [--findings DIR]
// [--corpus DIR]` fuzzes every target (or the named ones) for SECONDS in all (default 60)
// and prints inputs, crashes, hangs, broken properties and time per target; it exits 1
// when it found anything. `Fuzz --replay NAME FILE` runs one saved input in this process;
// `Fuzz --print NAME INDEX` prints input INDEX of a run with `--seed`; `Fuzz --list`
// names the targets. `--worker` is how the fuzzer runs itself.

exit(FuzzCommand.main())

/// The command line of the fuzzer.
enum FuzzCommand {
    static func main() -> Int32 {
        var options: [String: [String]] = [:]
        var positional: [String] = []
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            if argument == "--list" || argument == "--help" || argument == "-h" {
                options[argument, default: []].append("")
            } else if argument.hasPrefix("--") {
                options[argument, default: []].append(arguments.popFirst() ?? "")
            } else {
                positional.append(argument)
            }
        }

        func value(_ name: String) -> String? { options[name]?.last }

        let corpus = Corpus(folder: value("--corpus") ?? "notebooks")
        let targets = Targets.all(corpus)
        let seed = UInt64(value("--seed") ?? "1") ?? 1

        func target(_ name: String) -> FuzzTarget {
            guard let found = targets.first(where: { $0.name == name }) else {
                FileHandle.standardError.write(Data("fuzz: no target '\(name)'; targets: \(targets.map(\.name).joined(separator: ", "))\n".utf8))
                exit(64)
            }
            return found
        }

        if options["--help"] != nil || options["-h"] != nil {
            print("usage: Fuzz [SECONDS] [--target NAME]... [--seed N] [--hang SECONDS] [--findings DIR] [--corpus DIR]")
            print("       Fuzz --replay NAME FILE | Fuzz --list")
            return 0
        }
        if options["--list"] != nil {
            for target in targets { print("\(target.name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(target.summary)") }
            return 0
        }
        if let name = value("--worker") {
            let worker = Worker(target: target(name), seed: seed, start: Int(value("--start") ?? "0") ?? 0,
                                seconds: Double(value("--seconds") ?? "1") ?? 1, current: value("--current") ?? ".current",
                                stats: value("--stats") ?? ".stats")
            return worker.run()
        }
        if let name = value("--print") {
            // The input a run with this seed fed to the target as number INDEX.
            FileHandle.standardOutput.write(Data(target(name).input(seed: seed, index: Int(positional.first ?? "0") ?? 0).utf8))
            return 0
        }
        if let name = value("--replay") {
            guard let path = positional.first, let input = try? String(contentsOfFile: path, encoding: .utf8) else {
                FileHandle.standardError.write(Data("fuzz: --replay NAME FILE needs a readable FILE\n".utf8))
                return 64
            }
            let began = Date()
            let problem = target(name).makeRunner()(input)
            print(problem.map { "problem: \($0)" } ?? "ran without a problem in \(String(format: "%.3f", Date().timeIntervalSince(began))) s")
            return problem == nil ? 0 : 1
        }

        let chosen = (options["--target"] ?? []).map(target)
        let driver = Driver(
            targets: chosen.isEmpty ? targets : chosen, seed: seed, seconds: Double(positional.first ?? "60") ?? 60,
            hangSeconds: Double(value("--hang") ?? "10") ?? 10, findings: value("--findings") ?? ".build/fuzz-findings",
            executable: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path)
        return driver.run()
    }
}
