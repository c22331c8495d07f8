/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-model-types.c — stable ids, translated names and units of the chain's stages, the end
 * uses of magnets and the basis codes of cited numbers.
 */
#define G_LOG_DOMAIN "lode-model-types"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/stat.h>

#include "lode-model-types.h"

typedef struct
{
  const char *id;
  const char *name;
  const char *unit;
} StageInfo;

static const StageInfo stage_info[LODE_N_STAGES] = {
  [LODE_STAGE_MINE] = { "mine", N_("Mining"), N_("t REO") },
  [LODE_STAGE_SEPARATION] = { "separation", N_("Separation"), N_("t NdPr oxide") },
  [LODE_STAGE_METAL] = { "metal", N_("Metal and alloy"), N_("t NdPr metal") },
  [LODE_STAGE_MAGNET] = { "magnet", N_("Magnets"), N_("t magnet") },
};

typedef struct
{
  const char *id;
  const char *name;
  const char *units[LODE_N_STAGES];
} MaterialInfo;

static const MaterialInfo material_info[LODE_N_MATERIALS] = {
  [LODE_MATERIAL_NDPR] = { "ndpr", N_("NdPr"),
                           { N_("t REO"), N_("t NdPr oxide"), N_("t NdPr metal"),
                             N_("t magnet") } },
  [LODE_MATERIAL_HEAVY] = { "heavy", N_("Dy + Tb"),
                            { N_("t Dy+Tb oxide in ore"), N_("t Dy+Tb oxide"),
                              N_("t Dy+Tb metal"), N_("t Dy+Tb in magnets") } },
  [LODE_MATERIAL_SM] = { "sm", N_("Samarium"),
                         { N_("t Sm oxide in ore"), N_("t Sm oxide"), N_("t Sm metal"),
                           N_("t SmCo magnet") } },
};

typedef struct
{
  const char *id;
  const char *name;
} EndUseInfo;

static const EndUseInfo end_use_info[LODE_N_END_USES] = {
  [LODE_END_USE_EV_TRACTION] = { "ev_traction", N_("EV traction motors") },
  [LODE_END_USE_OTHER_AUTOMOTIVE] = { "other_automotive", N_("Other automotive") },
  [LODE_END_USE_WIND] = { "wind", N_("Wind turbines") },
  [LODE_END_USE_ELECTRONICS] = { "electronics", N_("Consumer electronics") },
  [LODE_END_USE_INDUSTRIAL] = { "industrial", N_("Industrial motors and robotics") },
  [LODE_END_USE_APPLIANCES] = { "appliances", N_("Appliances and HVAC") },
  [LODE_END_USE_EBIKES] = { "ebikes", N_("E-bikes and two-wheelers") },
  [LODE_END_USE_DEFENSE] = { "defense", N_("Defense and aerospace") },
  [LODE_END_USE_OTHER] = { "other", N_("Medical and other") },
};

static const char basis_codes[] = { 'S', 'D', 'E' };

static const char *basis_names[] = {
  /* Translators: basis of a cited number: the value appears in the cited source */
  N_("seen in source"),
  /* Translators: basis of a cited number: arithmetic on values seen in sources */
  N_("derived"),
  /* Translators: basis of a cited number: an estimate that no source confirms */
  N_("estimate"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (basis_codes) == LODE_BASIS_ESTIMATE + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (basis_names) == LODE_BASIS_ESTIMATE + 1);

const char *
lode_stage_id (LodeStage stage)
{
  g_return_val_if_fail ((guint) stage < LODE_N_STAGES, NULL);

  return stage_info[stage].id;
}

const char *
lode_stage_name (LodeStage stage)
{
  g_return_val_if_fail ((guint) stage < LODE_N_STAGES, NULL);

  return _(stage_info[stage].name);
}

const char *
lode_stage_unit (LodeStage stage)
{
  g_return_val_if_fail ((guint) stage < LODE_N_STAGES, NULL);

  return _(stage_info[stage].unit);
}

gboolean
lode_stage_from_id (const char *id,
                    LodeStage  *out_stage)
{
  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < LODE_N_STAGES; i++)
    {
      if (strcmp (id, stage_info[i].id) == 0)
        {
          if (out_stage != NULL)
            *out_stage = (LodeStage) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
lode_end_use_id (LodeEndUse use)
{
  g_return_val_if_fail ((guint) use < LODE_N_END_USES, NULL);

  return end_use_info[use].id;
}

const char *
lode_end_use_name (LodeEndUse use)
{
  g_return_val_if_fail ((guint) use < LODE_N_END_USES, NULL);

  return _(end_use_info[use].name);
}

gboolean
lode_end_use_from_id (const char *id,
                      LodeEndUse *out_use)
{
  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < LODE_N_END_USES; i++)
    {
      if (strcmp (id, end_use_info[i].id) == 0)
        {
          if (out_use != NULL)
            *out_use = (LodeEndUse) i;
          return TRUE;
        }
    }

  return FALSE;
}

char
lode_basis_code (LodeBasis basis)
{
  g_return_val_if_fail ((guint) basis < G_N_ELEMENTS (basis_codes), '?');

  return basis_codes[basis];
}

gboolean
lode_basis_from_code (const char *code,
                      LodeBasis  *out_basis)
{
  if (code == NULL || code[0] == '\0' || code[1] != '\0')
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (basis_codes); i++)
    {
      if (code[0] == basis_codes[i])
        {
          if (out_basis != NULL)
            *out_basis = (LodeBasis) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
lode_basis_name (LodeBasis basis)
{
  g_return_val_if_fail ((guint) basis < G_N_ELEMENTS (basis_names), NULL);

  return _(basis_names[basis]);
}

void
lode_cited_range (const LodeCited *cited,
                  double          *out_low,
                  double          *out_high)
{
  double spread;

  g_return_if_fail (cited != NULL);

  if (cited->has_range)
    {
      *out_low = cited->low;
      *out_high = cited->high;
      return;
    }
  switch (cited->basis)
    {
    case LODE_BASIS_ESTIMATE:
      spread = 0.3;
      break;
    case LODE_BASIS_DERIVED:
      spread = 0.1;
      break;
    case LODE_BASIS_SEEN:
    default:
      spread = 0;
      break;
    }
  *out_low = cited->value * (1 - spread);
  *out_high = cited->value * (1 + spread);
  if (*out_low > *out_high)
    {
      double t = *out_low;

      *out_low = *out_high;
      *out_high = t;
    }
}

const char *
lode_material_id (LodeMaterial material)
{
  g_return_val_if_fail ((guint) material < LODE_N_MATERIALS, NULL);

  return material_info[material].id;
}

const char *
lode_material_name (LodeMaterial material)
{
  g_return_val_if_fail ((guint) material < LODE_N_MATERIALS, NULL);

  return _(material_info[material].name);
}

gboolean
lode_material_from_id (const char   *id,
                       LodeMaterial *out_material)
{
  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < LODE_N_MATERIALS; i++)
    {
      if (strcmp (id, material_info[i].id) == 0)
        {
          if (out_material != NULL)
            *out_material = (LodeMaterial) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
lode_material_stage_unit (LodeMaterial material,
                          LodeStage    stage)
{
  g_return_val_if_fail ((guint) material < LODE_N_MATERIALS, NULL);
  g_return_val_if_fail ((guint) stage < LODE_N_STAGES, NULL);

  return _(material_info[material].units[stage]);
}

char *
lode_dup_shown_text (const char *text,
                     gssize      length,
                     glong       max_chars)
{
  g_autofree char *valid = NULL;
  const char *end;
  gsize total, n;
  glong chars = 0;

  g_return_val_if_fail (max_chars > 0, NULL);

  if (text == NULL)
    return g_strdup ("");
  total = length < 0 ? strlen (text) : (gsize) length;
  /* A character is at most 4 bytes: look at no more than the characters shown, plus one to
   * know whether anything was cut. */
  n = MIN (total, (gsize) (max_chars + 1) * 4);
  valid = g_utf8_make_valid (text, n);

  for (end = valid; *end != '\0' && chars < max_chars; end = g_utf8_next_char (end))
    chars++;
  if (*end == '\0' && n == total)
    return g_steal_pointer (&valid);
  return g_strdup_printf ("%.*s…", (int) (end - valid), valid);
}

const char *
lode_file_type_describe (guint mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a named pipe (FIFO)");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  if (S_ISSOCK (mode))
    return _("a socket");
  if (S_ISLNK (mode))
    return _("a symbolic link");
  return _("not a regular file");
}
