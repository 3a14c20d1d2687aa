#ifndef RNNBOOK_CMALLOC_SHIM_H
#define RNNBOOK_CMALLOC_SHIM_H
// glibc's allocator tuning (mallopt), for Tensor's MemoryTuning.
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif
#endif
