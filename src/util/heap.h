/* heap.h: a long-running process keeps the memory its work has touched. */
#ifndef BRIEF_UTIL_HEAP_H
#define BRIEF_UTIL_HEAP_H

#include <stddef.h>

/* Make the C library keep freed memory for reuse instead of handing it back to the system,
 * and touch `reserve` bytes of it now, so that the requests of a server find their working
 * memory already mapped. Call it once, before any other thread starts: every thread then
 * allocates from one pool (glibc's main arena), the one warmed here.
 *
 * Why: on the VM brief is measured on a page fault costs ~10 µs. A search for a broad
 * prefix (`comp*`: 160 words, each looked up in every segment of the index) allocates
 * ~8 MiB for FTS5's iterators; glibc gave it back after every request (a thread's heap is
 * trimmed once 128 KiB lie free at its top), so each such search faulted its memory in
 * again: ~2,000 faults, 15-25 ms of a 30-43 ms request (docs/store.md, "Memory a search
 * faults in").
 *
 * Returns 0, or -1 when the C library is not glibc or refused a setting (nothing is lost
 * but the speed: the caller goes on). The reserve counts in the process's resident size. */
int heap_keep(size_t reserve);

#endif
