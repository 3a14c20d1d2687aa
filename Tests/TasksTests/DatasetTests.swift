import Tasks
import Testing
import Tensor

/// neurogym's Dataset semantics (specs/tasks.md §1.6 and §1.7).
@Suite struct DatasetTests {
    func makeDataset(seed: UInt64 = 0) throws -> Dataset {
        let env = try PerceptualDecisionMaking(dt: 20, timing: ["stimulus": 1000], generator: Generator(seed: seed))
        return try Dataset(env, batchSize: 16, seqLen: 100)
    }

    @Test func shapesAndCacheLength() throws {
        let dataset = try makeDataset()
        #expect(dataset.cacheLength == 1600)
        let (x, y) = try dataset()
        #expect(x.shape == [100, 16, 3])
        #expect(x.dtype == .float32)
        #expect(y.shape == [100, 16])
        #expect(y.dtype == .int64)
    }

    @Test func columnsAreStreamsOfWholeTrialsAndCachesServeFifteenBatches() throws {
        let dataset = try makeDataset()
        var streams = [[Int]](repeating: [], count: 16)
        var fixation = [[Float]](repeating: [], count: 16)
        for _ in 0..<15 {
            let (x, y) = try dataset()
            let (xs, ys) = (x.scalars, y.ints)
            for t in 0..<100 {
                for b in 0..<16 {
                    streams[b].append(ys[t * 16 + b])
                    fixation[b].append(xs[(t * 16 + b) * 3])
                }
            }
        }
        for b in 0..<16 {
            // Trials of 60 steps back to back: labels 0 for 55 steps, then the choice for 5.
            for start in stride(from: 0, to: 1500 - 60, by: 60) {
                #expect(streams[b][start..<(start + 55)].allSatisfy { $0 == 0 })
                let choice = streams[b][start + 55]
                #expect(choice == 1 || choice == 2)
                #expect(streams[b][(start + 55)..<(start + 60)].allSatisfy { $0 == choice })
                #expect(fixation[b][start..<(start + 5)].allSatisfy { $0 == 1 })
            }
        }
        // Batch 16 starts a new cache, on a trial boundary: first label run is 55 zeros.
        let (_, y) = try dataset()
        let first = y.ints
        #expect((0..<55).allSatisfy { first[$0 * 16] == 0 })
        #expect(first[55 * 16] != 0)
    }

    @Test func labelFractionsAndChannelMeansOverThreeHundredBatches() throws {
        let dataset = try makeDataset(seed: 3)
        var counts = [0.0, 0.0, 0.0]
        var channels = [0.0, 0.0, 0.0]
        for _ in 0..<300 {
            let (x, y) = try dataset()
            for label in y.ints { counts[label] += 1 }
            let xs = x.scalars
            for i in 0..<(xs.count / 3) { for k in 0..<3 { channels[k] += Double(xs[i * 3 + k]) } }
        }
        let n = counts.reduce(0, +)
        #expect(abs(counts[0] / n - 0.9167) < 0.005)
        #expect(abs(counts[1] / n - 0.0417) < 0.005)
        #expect(abs(counts[2] / n - 0.0417) < 0.005)
        #expect(abs(channels[0] / n - 5.0 / 60) < 0.005)
        #expect(abs(channels[1] / n - 0.4167) < 0.01)
        #expect(abs(channels[2] / n - 0.4167) < 0.01)
    }
}
