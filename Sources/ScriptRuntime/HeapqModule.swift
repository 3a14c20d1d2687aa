/// Python's `heapq` on lists, with its exact sift algorithms (so a heap list holds its
/// items in the order CPython leaves them), and `bisect` on sorted sequences.
enum HeapqModule {
    static func build(_ heapq: Namespace) {
        heapq.function("heappush", Signature("heappush", ["heap", "item"])) { args, _ in
            let heap = try list(args.value("heap"))
            heap.items.append(args.value("item"))
            try siftDown(heap, 0, heap.items.count - 1)
            return .none
        }
        heapq.function("heappop", Signature("heappop", ["heap"])) { args, _ in
            let heap = try list(args.value("heap"))
            guard let last = heap.items.popLast() else { throw RuntimeError.index("index out of range") }
            guard let top = heap.items.first else { return last }
            heap.items[0] = last
            try siftUp(heap, 0)
            return top
        }
        heapq.function("heapreplace", Signature("heapreplace", ["heap", "item"])) { args, _ in
            let heap = try list(args.value("heap"))
            guard let top = heap.items.first else { throw RuntimeError.index("index out of range") }
            heap.items[0] = args.value("item")
            try siftUp(heap, 0)
            return top
        }
        heapq.function("heappushpop", Signature("heappushpop", ["heap", "item"])) { args, _ in
            let heap = try list(args.value("heap"))
            let item = args.value("item")
            guard let top = heap.items.first, try Comparison.order(.less, top, item) else { return item }
            heap.items[0] = item
            try siftUp(heap, 0)
            return top
        }
        heapq.function("heapify", Signature("heapify", ["x"])) { args, interpreter in
            let heap = try list(args.value("x"))
            for i in stride(from: heap.items.count / 2 - 1, through: 0, by: -1) {
                try interpreter.meter.tick()
                try siftUp(heap, i)
            }
            return .none
        }
        for (name, reverse) in [("nlargest", true), ("nsmallest", false)] {
            heapq.function(name, Signature(name, ["n", "iterable"], keywordOnly: ["key"])) { args, interpreter in
                let n = try args.int("n", 0)
                let sorted = try Sorting.sorted(try interpreter.collect(args.value("iterable")), key: args.value("key"),
                                                reverse: reverse, interpreter)
                return .list(ListObject(Array(sorted.prefix(Swift.max(0, n)))))
            }
        }
    }

    static func list(_ value: Value) throws -> ListObject {
        guard case .list(let list) = value else { throw RuntimeError.type("heap argument must be a list") }
        return list
    }

    /// `_siftdown`: moves the item at `position` up towards `start` while it is smaller than its parent.
    static func siftDown(_ heap: ListObject, _ start: Int, _ position: Int) throws {
        var position = position
        let item = heap.items[position]
        while position > start {
            let parent = (position - 1) >> 1
            guard try Comparison.order(.less, item, heap.items[parent]) else { break }
            heap.items[position] = heap.items[parent]
            position = parent
        }
        heap.items[position] = item
    }

    /// `_siftup`: moves the smaller child up until a leaf, puts the item there, then sifts it down.
    static func siftUp(_ heap: ListObject, _ start: Int) throws {
        let end = heap.items.count
        var position = start
        let item = heap.items[position]
        var child = 2 * position + 1
        while child < end {
            let right = child + 1
            if right < end, !(try Comparison.order(.less, heap.items[child], heap.items[right])) { child = right }
            heap.items[position] = heap.items[child]
            position = child
            child = 2 * position + 1
        }
        heap.items[position] = item
        try siftDown(heap, start, position)
    }
}
