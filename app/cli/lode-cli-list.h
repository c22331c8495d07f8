/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * `lodestone --list WHAT`: the ids the command line takes, read from the model's own tables so
 * that a lever, project, region, chart or material added there appears here without a word
 * changed. One aligned table per list, a header line first; names are translated, numbers are
 * written as the command line takes them (C locale). CLI library: model and drawing only.
 */
#pragma once

#include <glib.h>

#include "lode-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  LODE_CLI_LIST_LEVERS,
  LODE_CLI_LIST_PROJECTS,
  LODE_CLI_LIST_REGIONS,
  LODE_CLI_LIST_CHARTS,
  LODE_CLI_LIST_MATERIALS,
  LODE_CLI_N_LISTS
} LodeCliList;

/* "levers", "projects", ...; FALSE for anything else. */
gboolean    lode_cli_list_from_id (const char        *id,
                                   LodeCliList       *out_list);
/* "levers|projects|regions|charts|materials", for messages and --help. */
const char *lode_cli_list_choices (void);
/* Appends the table. */
void        lode_cli_list_write   (LodeCliList        list,
                                   const LodeDataset *dataset,
                                   GString           *out);
/* Every lever id, comma-separated and wrapped to lines of at most `width` columns, each line
 * indented by `indent` spaces: the list --help prints. */
char       *lode_cli_dup_lever_ids (guint             indent,
                                    guint             width) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
