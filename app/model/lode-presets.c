/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-presets.c — the table of preset scenarios. */

#define G_LOG_DOMAIN "lode-presets"

#include "config.h"

#include <glib/gi18n.h>

#include "lode-presets.h"

/* In the order the New Scenario menu shows them; the first is the comparison baseline. */
static const LodePreset presets[] = {
  { "baseline", NC_("preset", "Baseline"), NC_("preset", "_Baseline"),
    NC_("preset", "Policies already in force, and nothing more: the yardstick for every plan.") },
  { "mine-to-magnet", NC_("preset", "Mine to Magnet"), NC_("preset", "_Mine to Magnet"),
    NC_("preset", "A public fund builds every stage at home, from mines to magnet plants.") },
  { "allied-partnership", NC_("preset", "Allied Partnership"),
    NC_("preset", "_Allied Partnership"),
    NC_("preset", "The US and its allies build the chain together and buy from each other.") },
  { "allied-fund", NC_("preset", "Allied Fund"), NC_("preset", "Allied _Fund"),
    NC_("preset",
        "The US fund and its partners’ funds invest together, each in its own plants.") },
  { "export-ban", NC_("preset", "Export Ban"), NC_("preset", "_Export Ban"),
    NC_("preset", "China withholds its exports: how the chain copes with the shock.") },
  { "controls-april-2025", NC_("preset", "Controls of April 2025"),
    NC_("preset", "_Controls of April 2025"),
    NC_("preset", "China’s April 2025 licences on heavy rare earths and magnets, replayed.") },
  { "controls-october-2025", NC_("preset", "Controls of October 2025"),
    NC_("preset", "Controls of _October 2025"),
    NC_("preset", "The October 2025 controls as if they had stayed, reaching abroad too.") },
};

guint
lode_presets_get_n (void)
{
  return G_N_ELEMENTS (presets);
}

const LodePreset *
lode_presets_get (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (presets), NULL);

  return &presets[index];
}

const LodePreset *
lode_preset_find (const char *id)
{
  if (id == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_str_equal (presets[i].id, id))
      return &presets[i];
  return NULL;
}

const char * const *
lode_preset_ids (void)
{
  static const char *ids[G_N_ELEMENTS (presets) + 1];
  static gsize filled = 0;

  if (g_once_init_enter (&filled))
    {
      for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
        ids[i] = presets[i].id;
      ids[G_N_ELEMENTS (presets)] = NULL;
      g_once_init_leave (&filled, 1);
    }
  return ids;
}

const char *
lode_preset_get_title (const LodePreset *preset)
{
  g_return_val_if_fail (preset != NULL, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "preset", preset->title);
}

const char *
lode_preset_get_menu_label (const LodePreset *preset)
{
  g_return_val_if_fail (preset != NULL, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "preset", preset->menu_label);
}

const char *
lode_preset_get_story (const LodePreset *preset)
{
  g_return_val_if_fail (preset != NULL, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "preset", preset->story);
}

const LodePreset *
lode_preset_find_by_title (const char *title)
{
  if (title == NULL || title[0] == '\0')
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_str_equal (presets[i].title, title)
        || g_str_equal (lode_preset_get_title (&presets[i]), title))
      return &presets[i];
  return NULL;
}
