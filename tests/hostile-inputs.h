/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * hostile-inputs.h — scenario files that are small on disk (at most 16 MiB) but were costly to
 * parse before the reader's bounds (issue #16 item 3 and 4), generated at run time so the tree
 * holds no megabytes. Shared by tests/test-bounds.c and tests/bench-hostile.c.
 *
 * Every input starts with an XML declaration (line 1) and a <scenario> start tag (line 2); the
 * costly part starts on line 3.
 */
#pragma once

#include <string.h>

#include <glib.h>

#include "lode-scenario-io.h"

#define LODE_HOSTILE_HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<scenario xmlns=\"" LODE_SCENARIO_NAMESPACE "\" format-version=\"1\">\n"
#define LODE_HOSTILE_TAIL \
  "\n  <dataset id=\"reference-2024\" version=\"1.0\"/>\n  <levers/>\n</scenario>\n"

static const char * const lode_hostile_input_names[] = {
  "attributes-100k",     /* 100,000 attributes on one element: 21 s, quadratic */
  "xmlns-200k",          /* 200,000 namespace declarations: 10.6 s */
  "elements-3.9M",       /* 3.9 million empty elements in 15.6 MB: 548 MB */
  "comments-2M",         /* 2 million comments: 369 MB, accepted */
  "user-projects-100k",  /* 100,000 user projects: 258 MB before "at most 32" */
  "title-10MiB",         /* a 10 MiB title */
  "attribute-15MB",      /* a 15 MiB attribute: "internal error: Huge input lookup" */
  "name-1MiB",           /* an element name of 1 MiB */
  NULL
};

/* `before` N `after`, for N from 0 to times - 1. */
static inline void
lode_hostile_repeat (GString    *out,
                     const char *before,
                     const char *after,
                     guint       times)
{
  for (guint i = 0; i < times; i++)
    {
      g_string_append (out, before);
      g_string_append_printf (out, "%u", i);
      g_string_append (out, after);
    }
}

/* The input called `name` (one of lode_hostile_input_names), or NULL. */
static inline GBytes *
lode_hostile_input (const char *name)
{
  GString *out = g_string_sized_new (16 * 1024 * 1024);

  g_string_append (out, LODE_HOSTILE_HEAD);
  if (strcmp (name, "attributes-100k") == 0)
    {
      g_string_append (out, "  <metadata");
      lode_hostile_repeat (out, " a", "=\"\"", 100000);
      g_string_append (out, "><title>x</title></metadata>");
    }
  else if (strcmp (name, "xmlns-200k") == 0)
    {
      g_string_append (out, "  <metadata");
      lode_hostile_repeat (out, " xmlns:p", "=\"urn:x\"", 200000);
      g_string_append (out, "><title>x</title></metadata>");
    }
  else if (strcmp (name, "elements-3.9M") == 0)
    {
      g_string_append (out, "  <metadata><title>x</title></metadata>\n  ");
      for (guint i = 0; i < 3900000; i++)
        g_string_append (out, "<x/>");
    }
  else if (strcmp (name, "comments-2M") == 0)
    {
      g_string_append (out, "  <metadata><title>x</title></metadata>\n  ");
      for (guint i = 0; i < 2000000; i++)
        g_string_append (out, "<!---->");
    }
  else if (strcmp (name, "user-projects-100k") == 0)
    {
      g_string_append (out, "  <metadata><title>x</title></metadata>\n  <user-projects>\n");
      lode_hostile_repeat (out, "<user-project id=\"p",
                           "\" stage=\"mine\" region=\"US\" capacity=\"1\" "
                           "online-year=\"2030\" capex-musd=\"1\"><name>n</name>"
                           "</user-project>\n", 100000);
      g_string_append (out, "  </user-projects>");
    }
  else if (strcmp (name, "title-10MiB") == 0)
    {
      g_string_append (out, "  <metadata>\n    <title>");
      g_string_set_size (out, out->len + 10 * 1024 * 1024);
      memset (out->str + out->len - 10 * 1024 * 1024, 't', 10 * 1024 * 1024);
      g_string_append (out, "</title>\n  </metadata>");
    }
  else if (strcmp (name, "attribute-15MB") == 0)
    {
      g_string_append (out, "  <metadata lang=\"");
      g_string_set_size (out, out->len + 15 * 1024 * 1024);
      memset (out->str + out->len - 15 * 1024 * 1024, 'x', 15 * 1024 * 1024);
      g_string_append (out, "\"><title>x</title></metadata>");
    }
  else if (strcmp (name, "name-1MiB") == 0)
    {
      g_string_append (out, "  <");
      g_string_set_size (out, out->len + 1024 * 1024);
      memset (out->str + out->len - 1024 * 1024, 'n', 1024 * 1024);
      g_string_append (out, "/>\n  <metadata><title>x</title></metadata>");
    }
  else
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  g_string_append (out, LODE_HOSTILE_TAIL);

  return g_string_free_to_bytes (out);
}
