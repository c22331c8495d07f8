/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-heap.c — a short run's heap on transparent huge pages.
 *
 * An export allocates a few MiB and touches each page once: on the virtual machines it runs on,
 * the page faults of that fresh memory were a fifth of the process's time. glibc grows its heap
 * a little at a time and never in steps a huge page fits in, unless told to keep a large pad
 * (M_TOP_PAD); and the kernel backs it with huge pages only where asked (MADV_HUGEPAGE, in the
 * "madvise" mode Debian ships). So: set the pad, make glibc grow the heap once now, and ask
 * for huge pages on what it grew. What glibc's own tunable glibc.malloc.hugetlb=1 does, for
 * this one step, without an environment variable. */

#define G_LOG_DOMAIN "lode-heap"

#include "config.h"

#include <stdlib.h>   /* first: it says whether this is glibc */
#include <sys/mman.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "lode-heap.h"

/* Room for an export's heap (about 1–2 MiB at 1600 × 900) with huge pages to spare. */
#define HEAP_PAD    (8 << 20)
/* A transparent huge page (x86-64, arm64 with 4 KiB pages). */
#define HUGE_PAGE   ((guintptr) 2 << 20)
/* glibc's chunks: a size word before each block, sizes in steps of 16 bytes. */
#define CHUNK_HEADER 16
#define CHUNK_ALIGN  16
/* Fillers stay under glibc's smallest mmap threshold (128 KiB), so they come from the heap. */
#define FILLER_MAX  (120 << 10)
#define MAX_FILLERS ((int) (HUGE_PAGE / FILLER_MAX) + 2)
/* Blocks that come from the heap, not from a mapping of their own (glibc's default threshold
 * is 128 KiB), as many as it takes to use up the free top of the heap and make it grow (a
 * heap with more free than that is big enough already). */
#define PROBE_SIZE  (64 << 10)
#define MAX_PROBES  64

#if defined (__GLIBC__) && defined (M_TOP_PAD) && defined (MADV_HUGEPAGE)
/* glibc's heaps for threads other than the first: mappings aligned to their largest size
 * (64 MiB on 64-bit systems), an arena's first one HEAP_PAD longer once M_TOP_PAD is set. */
#define ARENA_HEAP_ALIGN ((guintptr) 64 << 20)

/* Kept, never touched, never freed: the heaps below their first huge page (volatile: the
 * compiler may not drop allocations whose blocks nothing reads). */
static void *volatile heap_fillers[MAX_FILLERS];
static void *volatile arena_fillers[MAX_FILLERS];

/* The heap's grown part starts where the heap happened to end, seldom on a huge page's
 * boundary, and the kernel gives huge pages only to whole aligned 2 MiB blocks: up to 2 MiB
 * of the run's first allocations landed on 4 KiB pages (about 370 page faults of an export's
 * 1,250). So the heap's free top is taken up to that boundary by blocks that nothing touches
 * (each costs one page, its header), and the run's allocations start on the huge page. Stops,
 * keeping what it took, if the blocks do not come one after the other from the top (another
 * allocator, free blocks in the way): the memory is then only not all on huge pages. */
static void
skip_to_huge_page (void *volatile *fillers)
{
  guintptr next = 0, boundary = 0;

  for (int n = 0; n < MAX_FILLERS; n++)
    {
      gsize size;
      guintptr chunk;

      if (next == 0)
        size = FILLER_MAX;
      else if (boundary - next > FILLER_MAX + CHUNK_ALIGN + 32)
        size = FILLER_MAX;
      else
        size = boundary - next - CHUNK_HEADER / 2;   /* the chunk ends on the boundary */
      fillers[n] = malloc (size);
      if (fillers[n] == NULL)
        return;
      chunk = (guintptr) fillers[n] - CHUNK_HEADER;
      if (next != 0 && chunk != next)
        return;
      if (next == 0)
        boundary = (chunk + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
      next = chunk + ((size + CHUNK_HEADER / 2 + CHUNK_ALIGN - 1) & ~(gsize) (CHUNK_ALIGN - 1));
      if (next >= boundary)
        return;
    }
}

/* Threads other than the first allocate from arenas of their own: fontconfig's start on
 * Pango's thread (110 page faults of 4 KiB), the PNG encoder's. A thread's first allocation
 * makes an arena; when the thread ends the arena waits for the next thread. So a thread made
 * here, before Pango's, prepares one as the main heap is prepared (huge pages asked for, its
 * top taken to the first 2 MiB boundary) and ends, leaving it to the threads that follow. */
static gpointer
prepare_arena (gpointer data)
{
  /* Larger than the per-thread cache's blocks (which may come from another arena: GLib frees
   * the thread's name here), so it comes from this thread's own arena. */
  void *first = malloc (4096);
  guintptr heap;

  if (first == NULL)
    return NULL;
  heap = (guintptr) first & ~(ARENA_HEAP_ALIGN - 1);
  if (madvise ((void *) heap, 2 * HEAP_PAD, MADV_HUGEPAGE) == 0)
    skip_to_huge_page (arena_fillers);
  free (first);
  return NULL;
}
#endif

void
lode_heap_prefer_huge_pages (void)
{
#if defined (__GLIBC__) && defined (M_TOP_PAD) && defined (MADV_HUGEPAGE)
  void *probes[MAX_PROBES];
  char *before, *after;
  int n = 0;

  if (mallopt (M_TOP_PAD, HEAP_PAD) != 1)
    return;
  before = sbrk (0);
  after = before;
  /* Blocks until the heap grows: its free top is used first. */
  while (n < MAX_PROBES && after == before)
    {
      probes[n] = malloc (PROBE_SIZE);
      if (probes[n++] == NULL)
        break;
      after = sbrk (0);
    }
  while (n > 0)
    free (probes[--n]);
  /* Only what grew now, on whole pages: the kernel gives huge pages to the 2 MiB-aligned
   * parts of it. */
  if (before != (char *) -1 && after > before)
    {
      gsize page = (gsize) sysconf (_SC_PAGESIZE);
      guintptr start = ((guintptr) before + page - 1) & ~(guintptr) (page - 1);

      if ((guintptr) after > start)
        madvise ((void *) start, (guintptr) after - start, MADV_HUGEPAGE);
      skip_to_huge_page (heap_fillers);
      g_thread_join (g_thread_new ("lode-heap", prepare_arena, NULL));
    }
#endif
}
