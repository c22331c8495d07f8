/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-model-types.h — the shared vocabulary of Lodestone's model library.
 *
 * The model library (app/model/) turns a reference dataset and a scenario into a yearly
 * projection of the rare-earth chain from mine to magnet. It depends on GLib, GIO, libxml2 and
 * libm only: no GTK, GDK, Cairo or libadwaita header may be included anywhere in app/model/,
 * so the model runs headless (command line, tests, fuzzers, benchmarks).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LODE_BASE_YEAR       2024
#define LODE_DEFAULT_HORIZON 2040
#define LODE_MAX_HORIZON     2060
#define LODE_MAX_YEARS       (LODE_MAX_HORIZON - LODE_BASE_YEAR + 1)
#define LODE_MAX_REGIONS     16
#define LODE_MAX_PROJECTS    96

/* The stages of the chain, in order. Each has its own physical unit (see
 * lode_stage_unit()); the flow diagram compares them in t NdPr-oxide equivalent. */
typedef enum
{
  LODE_STAGE_MINE,        /* mixed concentrate, t REO */
  LODE_STAGE_SEPARATION,  /* separated NdPr oxide, t NdPr oxide */
  LODE_STAGE_METAL,       /* NdPr metal and alloy, t NdPr metal */
  LODE_STAGE_MAGNET,      /* sintered NdFeB magnets, t magnet */
  LODE_N_STAGES
} LodeStage;

/* The materials that share the chain (DESIGN §8). Each has its own mines, plants, prices
 * and units (lode_material_stage_unit()); NdFeB magnets carry NdPr and, in their
 * high-temperature grades, Dy + Tb; SmCo magnets carry samarium. */
typedef enum
{
  LODE_MATERIAL_NDPR,     /* neodymium + praseodymium, the bulk of NdFeB */
  LODE_MATERIAL_HEAVY,    /* dysprosium + terbium, added to high-temperature NdFeB grades */
  LODE_MATERIAL_SM,       /* samarium, for samarium-cobalt magnets */
  LODE_N_MATERIALS
} LodeMaterial;

/* End uses of magnets (reference §2a). */
typedef enum
{
  LODE_END_USE_EV_TRACTION,
  LODE_END_USE_OTHER_AUTOMOTIVE,
  LODE_END_USE_WIND,
  LODE_END_USE_ELECTRONICS,
  LODE_END_USE_INDUSTRIAL,
  LODE_END_USE_APPLIANCES,
  LODE_END_USE_EBIKES,
  LODE_END_USE_DEFENSE,
  LODE_END_USE_OTHER,
  LODE_N_END_USES
} LodeEndUse;

/* How a number is known (reference file legend). */
typedef enum
{
  LODE_BASIS_SEEN,      /* S: seen in the cited source */
  LODE_BASIS_DERIVED,   /* D: arithmetic on seen numbers */
  LODE_BASIS_ESTIMATE,  /* E: estimate, unverified */
} LodeBasis;

/* A number with its provenance. `source` is an interned reference ID such as "U25"
 * (g_intern_string), or NULL for a number computed by the model. */
typedef struct
{
  double      value;
  const char *source;
  LodeBasis   basis;
  /* The plausible range for sensitivity and uncertainty analyses (the file's low and high;
   * when the file gives none, lode_cited_range() supplies one from the basis). */
  double      low;
  double      high;
  gboolean    has_range;   /* low and high come from the file */
} LodeCited;

const char *lode_stage_id        (LodeStage  stage);   /* "mine", "separation", ... (stable) */
const char *lode_stage_name      (LodeStage  stage);   /* translated, "Separation" */
const char *lode_stage_unit      (LodeStage  stage);   /* translated, "t REO", "t NdPr oxide" ... */
gboolean    lode_stage_from_id   (const char *id,
                                  LodeStage  *out_stage);
const char *lode_end_use_id      (LodeEndUse use);     /* "ev_traction", ... (stable) */
const char *lode_end_use_name    (LodeEndUse use);     /* translated */
gboolean    lode_end_use_from_id (const char *id,
                                  LodeEndUse *out_use);
char        lode_basis_code      (LodeBasis  basis);   /* 'S', 'D', 'E' */
gboolean    lode_basis_from_code (const char *code,
                                  LodeBasis  *out_basis);
const char *lode_basis_name      (LodeBasis  basis);   /* translated, "seen in source" ... */
/* The range analyses vary a number over: the file's low and high, or, without them, ±10 %
 * for a derived number, ±30 % for an estimate and none for a number seen in its source. */
void        lode_cited_range     (const LodeCited *cited,
                                  double          *out_low,
                                  double          *out_high);

const char *lode_material_id     (LodeMaterial material);   /* "ndpr", "heavy", "sm" (stable) */
const char *lode_material_name   (LodeMaterial material);   /* translated, "Dy + Tb" ... */
gboolean    lode_material_from_id (const char   *id,
                                   LodeMaterial *out_material);
/* The unit of a stage's output for a material, translated: "t REO", "t Dy+Tb oxide" ... */
const char *lode_material_stage_unit (LodeMaterial material,
                                      LodeStage    stage);

/* What a file that is not a regular file is, from its st_mode, for messages: "a folder",
 * "a named pipe (FIFO)", "a device", "a socket" (translated). */
const char *lode_file_type_describe (guint mode);

/* Text from a file or the command line as a message may quote it: valid UTF-8, at most
 * `max_chars` characters, an ellipsis marking a cut. Never shapes or copies more than it
 * shows, so a megabyte of input costs nothing. */
char       *lode_dup_shown_text  (const char *text,
                                  gssize      length,
                                  glong       max_chars) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
