/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeAllocationBar — the stacked bar over the fund allocation editor: one coloured segment
 * per share with its percentage. It only shows the shares it is given; its geometry and paint
 * are the drawing library's (lode-allocation-layout.h), in the theme's palette.
 */
#pragma once

#include <gtk/gtk.h>

#include "lode-allocation-layout.h"

G_BEGIN_DECLS

#define LODE_TYPE_ALLOCATION_BAR (lode_allocation_bar_get_type ())

G_DECLARE_FINAL_TYPE (LodeAllocationBar, lode_allocation_bar, LODE, ALLOCATION_BAR, GtkWidget)

GtkWidget                  *lode_allocation_bar_new        (void) G_GNUC_WARN_UNUSED_RESULT;
/* Shares in percent, in the order of the allocation levers. */
void                        lode_allocation_bar_set_shares (LodeAllocationBar *self,
                                                            const double      *shares);
/* The layout for the current shares and size (NULL before the first allocation), for tests. */
const LodeAllocationLayout *lode_allocation_bar_get_layout (LodeAllocationBar *self);

G_END_DECLS
