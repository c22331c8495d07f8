/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeAllocationEditor — the fund's split across mine / separation / metal / magnet /
 * recycling. The five shares always sum to 100 %: moving one rescales the unlocked others
 * proportionally (lode_allocation_move()), and a locked share never moves. A stacked bar above
 * the rows shows the split and what it means in money (fund size × share); under them the
 * fund advisor shows where the next dollar goes and finds the best fund and split.
 *
 * It edits the document's scenario directly: every move is one undo step, a slider drag is
 * one step however many values it passes through (and the drag rescales from the split at
 * its start, so dragging back restores the others exactly). Locks are view state: they are
 * not saved and survive undo.
 */
#pragma once

#include <adwaita.h>

#include "lode-document.h"
#include "lode-fund-advisor.h"
#include "lode-lever-row.h"

G_BEGIN_DECLS

#define LODE_TYPE_ALLOCATION_EDITOR (lode_allocation_editor_get_type ())

G_DECLARE_FINAL_TYPE (LodeAllocationEditor, lode_allocation_editor, LODE, ALLOCATION_EDITOR,
                      GtkWidget)

GtkWidget    *lode_allocation_editor_new          (void) G_GNUC_WARN_UNUSED_RESULT;

void          lode_allocation_editor_set_document (LodeAllocationEditor *self,
                                                   LodeDocument         *document);
LodeDocument *lode_allocation_editor_get_document (LodeAllocationEditor *self);

/* What moving share `index`'s slider to `value` does: one undo step (or part of the current
 * drag). A locked share does not move. Returns the value share `index` got. */
double        lode_allocation_editor_move         (LodeAllocationEditor *self,
                                                   guint                 index,
                                                   double                value);
void          lode_allocation_editor_get_shares   (LodeAllocationEditor *self,
                                                   double                out_shares[LODE_N_ALLOC]);
gboolean      lode_allocation_editor_get_locked   (LodeAllocationEditor *self,
                                                   guint                 index);
void          lode_allocation_editor_set_locked   (LodeAllocationEditor *self,
                                                   guint                 index,
                                                   gboolean              locked);
LodeLeverRow *lode_allocation_editor_get_row      (LodeAllocationEditor *self,
                                                   guint                 index);
GtkWidget    *lode_allocation_editor_get_bar      (LodeAllocationEditor *self);
/* Under the rows: where the next dollar goes, and the optimiser (which holds the locks). */
LodeFundAdvisor *lode_allocation_editor_get_advisor (LodeAllocationEditor *self);
/* The bar's accessible description: "Mine 15 % ($1.5 bn), Separation 35 % ..." */
char         *lode_allocation_editor_dup_summary  (LodeAllocationEditor *self)
                                                   G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
