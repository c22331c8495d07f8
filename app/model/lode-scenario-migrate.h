/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Bringing a scenario file of an older format to the current one, in memory, before it is
 * validated: what each format changed is in docs/scenario-format.md ("Versions and
 * migration"). Private to the scenario reader.
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* `root` is the <scenario> element of a file of format `version` (0 or later, below
 * LODE_SCENARIO_FORMAT_VERSION); afterwards it reads as the current format. */
void lode_scenario_migrate (xmlNode *root,
                            int      version);

G_END_DECLS
