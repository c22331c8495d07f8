/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The preset scenarios Lodestone ships (data/scenarios/ID.lodestone, compiled into the model's
 * resources), in one table: the scenario loader knows them by it, the document gives a new
 * scenario its translated title from it, the New Scenario menu lists it and the tests walk it.
 * Model library: GLib only.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *id;          /* "baseline": the file's name and the win.new target */
  const char *title;       /* as the file spells it; a msgid in the context "preset" */
  const char *menu_label;  /* with a mnemonic; a msgid in the context "preset" */
  const char *story;       /* what it explores, one line; a msgid in the context "preset" */
} LodePreset;

guint               lode_presets_get_n         (void);
const LodePreset   *lode_presets_get           (guint             index);
/* The preset with that id, or NULL. */
const LodePreset   *lode_preset_find           (const char       *id);
/* Every id, in menu order; NULL-terminated, static. */
const char * const *lode_preset_ids            (void);
/* Translated. */
const char         *lode_preset_get_title      (const LodePreset *preset);
const char         *lode_preset_get_menu_label (const LodePreset *preset);
const char         *lode_preset_get_story      (const LodePreset *preset);
/* The preset whose title `title` is, as its file spells it or translated: the preset a
 * scenario was started from, while it keeps that title. NULL for any other title. */
const LodePreset   *lode_preset_find_by_title  (const char       *title);

G_END_DECLS
