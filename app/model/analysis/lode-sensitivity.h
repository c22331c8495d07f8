/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeSensitivity — what matters most: the tornado. For one output (a figure in a year), each
 * input is swung over its range with everything else as the scenario has it — every lever
 * from its minimum to its maximum (a switch off and on; an allocation share from 0 to 100 %
 * with the others rescaled), every estimated dataset number from its low to its high — and
 * the items are sorted by how far the output moves (its swing). Runs stop at the output's
 * year: the model looks only backwards, so the figure is the same as over the whole horizon.
 * Immutable, ref-counted. Model library: GLib/GIO only.
 */
#pragma once

#include "lode-analysis.h"

G_BEGIN_DECLS

typedef struct
{
  char            *id;           /* lever id or dataset name: the CSV's name */
  char            *label;        /* translated, for charts */
  LodeInputKind    kind;
  LodeRangeSource  range;
  double           value;        /* the input as the scenario (or dataset) has it */
  double           low;          /* the values it was swung to */
  double           high;
  double           output_low;   /* the output with the input at `low` */
  double           output_high;
  double           swing;        /* |output_high - output_low|; NaN when a run failed */
} LodeSensitivityItem;

typedef struct _LodeSensitivity LodeSensitivity;

struct _LodeSensitivity
{
  /*< private >*/
  gatomicrefcount      ref_count;

  /*< public, read-only >*/
  LodeOutput           output;
  double               base;            /* the output of the scenario as it is */
  guint                n_items;
  LodeSensitivityItem *items;           /* largest swing first; failed runs last */
  guint                n_levers;
  guint                n_parameters;
  guint                n_default_ranges;/* parameters whose range is the default rule's */
  guint                n_runs;
};

LodeSensitivity *lode_sensitivity_run              (LodeAnalysisModel     *model,
                                                    const LodeOutput      *output,
                                                    GCancellable          *cancellable,
                                                    GError               **error)
                                                    G_GNUC_WARN_UNUSED_RESULT;
LodeSensitivity *lode_sensitivity_ref              (LodeSensitivity       *self);
void             lode_sensitivity_unref            (LodeSensitivity       *self);

/* "name,kind,low_value,high_value,output_low,output_high,swing" and a row per item, in
 * order; kind is "lever" or "parameter"; C-locale numbers. */
void             lode_sensitivity_write_csv        (const LodeSensitivity *self,
                                                    GString               *out);
/* What the export footer says about it, translated: the output, what was swung, the ranges. */
char            *lode_sensitivity_dup_assumptions  (const LodeSensitivity *self)
                                                    G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeSensitivity, lode_sensitivity_unref)

G_END_DECLS
