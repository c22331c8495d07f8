/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-hostile.c — every hostile input must be refused (or read) in at most 1 s and 100 MB
 * (DESIGN.md §6, issue #16). Each case runs in a child process of its own, from a file, so
 * its wall time, its processor time (what counts on a shared machine) and its peak resident
 * memory (getrusage of the child, which includes the program and the dataset: the "idle"
 * line) are measured alone. The cases: the generated
 * inputs of hostile-inputs.h, every file in tests/hostile/, a FIFO as the scenario file, and
 * an export whose title is 10 MiB. Prints one line per case and the worst of each figure;
 * never fails on a time. Each case is stopped after 60 s.
 */
#define G_LOG_DOMAIN "bench-hostile"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "hostile-inputs.h"
#include "lode-export.h"
#include "lode-scenario-io.h"
#include "tmp-tree.h"

#define CASE_TIMEOUT_S 60
#define MAX_MS         1000.0
#define MAX_MB         100.0

typedef enum
{
  CASE_IDLE,     /* nothing: the floor of the memory figure */
  CASE_LOAD,     /* load `path` as a scenario */
  CASE_EXPORT,   /* export a page whose title is 10 MiB */
} CaseKind;

typedef struct
{
  double worst_ms;
  double worst_cpu_ms;
  double worst_mb;
  char  *worst_ms_case;
  char  *worst_mb_case;
  guint  over_budget;
} Totals;

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* In the child: the case itself. Its exit status says whether the input loaded. */
static int
run_case (CaseKind     kind,
          const char  *path,
          LodeDataset *dataset)
{
  g_autoptr(GError) error = NULL;

  if (kind == CASE_LOAD)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(LodeScenario) scenario = lode_scenario_load_from_file (dataset, file, NULL,
                                                                       &error);
      return scenario != NULL ? 0 : 1;
    }
  if (kind == CASE_EXPORT)
    {
      g_autoptr(LodeScenario) scenario = lode_scenario_new (dataset);
      g_autoptr(LodeProjection) projection = lode_projection_run (dataset, scenario, &error);
      g_autoptr(GBytes) png = NULL;
      gsize n = 10 * 1024 * 1024;
      g_autofree char *title = g_malloc (n + 1);
      LodeExportRequest req;

      memset (title, 'T', n);
      title[n] = '\0';
      lode_export_request_init (&req, projection, projection, title);
      png = lode_export_to_bytes (&req, LODE_EXPORT_FORMAT_PNG, 1920, 1080, 1, &error);
      return png != NULL ? 0 : 1;
    }
  return 0;
}

static void
measure (Totals      *totals,
         const char  *name,
         CaseKind     kind,
         const char  *path,
         LodeDataset *dataset)
{
  struct rusage usage;
  GStatBuf st;
  double start = now_ms (), ms, cpu_ms, mb;
  int status = 0;
  pid_t child;
  const char *outcome;

  fflush (stdout);
  child = fork ();
  if (child == 0)
    {
      alarm (CASE_TIMEOUT_S);
      _exit (run_case (kind, path, dataset));
    }
  if (child < 0 || wait4 (child, &status, 0, &usage) != child)
    {
      printf ("%-34s could not run\n", name);
      return;
    }
  ms = now_ms () - start;
  cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
  mb = usage.ru_maxrss / 1024.0;

  if (WIFSIGNALED (status))
    outcome = WTERMSIG (status) == SIGALRM ? "STOPPED after 60 s" : "CRASHED";
  else if (kind == CASE_IDLE)
    outcome = "";
  else if (kind == CASE_EXPORT)
    outcome = WEXITSTATUS (status) == 0 ? "exported" : "export failed";
  else
    outcome = WEXITSTATUS (status) == 0 ? "loaded" : "refused";

  if (path != NULL && g_stat (path, &st) == 0 && S_ISREG (st.st_mode))
    printf ("%-36s %8.1f ms (cpu %7.1f ms) %6.1f MB peak  %-8s (%.1f MB file)\n", name, ms,
            cpu_ms, mb, outcome, st.st_size / (1024.0 * 1024.0));
  else
    printf ("%-36s %8.1f ms (cpu %7.1f ms) %6.1f MB peak  %s\n", name, ms, cpu_ms, mb, outcome);

  if (kind == CASE_IDLE)
    return;
  totals->worst_cpu_ms = MAX (totals->worst_cpu_ms, cpu_ms);
  if (ms > totals->worst_ms)
    {
      totals->worst_ms = ms;
      g_free (totals->worst_ms_case);
      totals->worst_ms_case = g_strdup (name);
    }
  if (mb > totals->worst_mb)
    {
      totals->worst_mb = mb;
      g_free (totals->worst_mb_case);
      totals->worst_mb_case = g_strdup (name);
    }
  if (ms > MAX_MS || mb > MAX_MB || WIFSIGNALED (status))
    totals->over_budget++;
}

static void
measure_generated (Totals      *totals,
                   const char  *dir,
                   LodeDataset *dataset)
{
  for (guint i = 0; lode_hostile_input_names[i] != NULL; i++)
    {
      const char *name = lode_hostile_input_names[i];
      g_autofree char *path = g_strdup_printf ("%s/%s.lodestone", dir, name);

      {
        /* Written, then freed, before the child starts: the child reads the file. */
        g_autoptr(GBytes) bytes = lode_hostile_input (name);

        if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), NULL))
          continue;
      }
      measure (totals, name, CASE_LOAD, path, dataset);
      g_unlink (path);
    }
}

static void
measure_files (Totals      *totals,
               LodeDataset *dataset)
{
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *dir = g_build_filename (srcdir != NULL ? srcdir : "tests", "hostile", NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, lode_tmp_tree_compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      measure (totals, g_ptr_array_index (names, i), CASE_LOAD, path, dataset);
    }
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LodeDataset) dataset = lode_dataset_load_default (&error);
  g_autofree char *dir = g_dir_make_tmp ("lode-bench-hostile-XXXXXX", &error);
  g_autofree char *fifo = NULL;
  Totals totals = { 0, };

  if (dataset == NULL || dir == NULL)
    {
      fprintf (stderr, "bench-hostile: %s\n", error->message);
      return 0;
    }

  printf ("hostile input: wall time and peak resident memory of a process that reads it\n");
  measure (&totals, "(idle: program and dataset)", CASE_IDLE, NULL, dataset);
  measure_generated (&totals, dir, dataset);
  measure_files (&totals, dataset);

  fifo = g_build_filename (dir, "fifo.lodestone", NULL);
  if (mkfifo (fifo, 0600) == 0)
    measure (&totals, "fifo (no writer)", CASE_LOAD, fifo, dataset);
  g_unlink (fifo);
  measure (&totals, "export, 10 MiB title (PNG 1920x1080)", CASE_EXPORT, NULL, dataset);
  g_rmdir (dir);

  printf ("worst time: %.1f ms (%s); budget %.0f ms; worst processor time %.1f ms\n",
          totals.worst_ms, totals.worst_ms_case, MAX_MS, totals.worst_cpu_ms);
  printf ("worst peak memory: %.1f MB (%s); budget %.0f MB\n", totals.worst_mb,
          totals.worst_mb_case, MAX_MB);
  printf ("cases over budget: %u\n", totals.over_budget);
  g_free (totals.worst_ms_case);
  g_free (totals.worst_mb_case);
  return 0;
}
