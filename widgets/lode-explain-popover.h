/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeExplainPopover — how a headline figure is made, shown beside its card: the figure, the
 * arithmetic that gives it, the terms it adds up from (label, value, where it came from) and a
 * caveat. The same breakdown as `lodestone --explain KEY --year Y` (lode-explain.h).
 */
#pragma once

#include <gtk/gtk.h>

#include "lode-explain.h"

G_BEGIN_DECLS

#define LODE_TYPE_EXPLAIN_POPOVER (lode_explain_popover_get_type ())

G_DECLARE_FINAL_TYPE (LodeExplainPopover, lode_explain_popover, LODE, EXPLAIN_POPOVER, GtkPopover)

GtkWidget  *lode_explain_popover_new             (void);
/* Shows `explanation` (copied into labels; it may be freed afterwards). */
void        lode_explain_popover_set_explanation (LodeExplainPopover    *self,
                                                  const LodeExplanation *explanation);
/* A button under the breakdown that activates `detailed_action` ("win.sources('headline:3')"),
 * labelled "Where the Numbers Come From"; NULL hides it. */
void        lode_explain_popover_set_sources_action (LodeExplainPopover *self,
                                                     const char         *detailed_action);
/* What the popover shows, as text: for tests and for copying. */
const char *lode_explain_popover_get_text        (LodeExplainPopover    *self);

G_END_DECLS
