// Non-temporal ("streaming") stores for the fused RNN kernels, which Swift cannot write:
// a store that goes to memory without first reading the cache line it fills. The GRU's
// forward pass writes what it saves for the backward pass (four times its states, far
// more than any cache holds, read back only after the whole sequence); an ordinary store
// reads each such line from memory before writing it, a streaming store does not.
#ifndef RNNBOOK_STREAMING_STORES_H
#define RNNBOOK_STREAMING_STORES_H

/// Sixteen floats: imported into Swift as SIMD16<Float>, the kernels' `Lanes`.
typedef float rnnbook_lanes __attribute__((ext_vector_type(16)));

/// Writes `value` to the 16 floats at `address` (64-byte aligned) without reading the
/// line into the cache first.
static inline __attribute__((always_inline)) void rnnbook_stream_store(float *address, rnnbook_lanes value) {
    __builtin_nontemporal_store(value, (rnnbook_lanes *)address);
}

/// Orders the streaming stores before every store that follows, as seen by other threads
/// (x86 streaming stores are weakly ordered); elsewhere, a full fence.
static inline __attribute__((always_inline)) void rnnbook_stream_fence(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_sfence();
#else
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
#endif
}

#endif
