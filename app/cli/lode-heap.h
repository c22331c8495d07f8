/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The heap of a short headless run (an export, a CSV file), on huge pages where the system
 * offers them. Command line only: GLib and the C library, nothing else.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Grows the C library's heap now by several MiB and asks the kernel for transparent huge
 * pages there, so that the run's allocations fault a few 2 MiB pages in instead of a
 * thousand 4 KiB ones. Does nothing where that is not available (not glibc, no
 * MADV_HUGEPAGE, huge pages turned off); the memory is the same either way. */
void lode_heap_prefer_huge_pages (void);

G_END_DECLS
