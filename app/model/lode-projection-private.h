/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-projection-private.h — what lode-projection.c and the model core share: the scenario's
 * inputs copied into a plain struct (read once, outside the yearly loop), the checks, and the
 * core that fills a projection. Model library: GLib/libm only.
 */
#pragma once

#include "lode-projection.h"
#include "lode-levers.h"

G_BEGIN_DECLS

typedef struct
{
  int          horizon;
  double       lever[LODE_N_LEVERS];
  gboolean     ally[LODE_MAX_REGIONS];
  gboolean     shock_target[LODE_MAX_REGIONS];
  gboolean     project_enabled[LODE_MAX_PROJECTS];
  guint        n_user_projects;
  LodeProject  user_projects[LODE_SCENARIO_MAX_USER_PROJECTS];  /* strings borrowed, unused */
} LodeProjectionInputs;

/* Checks the parts of a dataset the model relies on (indices, counts, positive factors). */
gboolean        lode_projection_check_dataset  (const LodeDataset          *dataset,
                                                GError                    **error);
/* Checks user projects and the horizon against the dataset (levers are checked by the caller). */
gboolean        lode_projection_check_inputs   (const LodeDataset          *dataset,
                                                const LodeProjectionInputs *inputs,
                                                GError                    **error);
/* Fills self->years[0 .. n_years - 1], zeroing each first. Allocates nothing. */
void            lode_projection_compute        (LodeProjection             *self,
                                                const LodeDataset          *dataset,
                                                const LodeProjectionInputs *inputs);

G_END_DECLS
