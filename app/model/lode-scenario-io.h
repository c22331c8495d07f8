/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Scenario files (.lodestone, XML): loading safely and saving atomically.
 * Loading goes through the model's one safe XML reader (lode-xml-reader.h: regular files only,
 * bounded before parsing, libxml2's safe options behind a deny-all external entity loader),
 * validates against data/lodestone-scenario.rng (compiled into the model library, once) and
 * then checks the values semantically. Every error
 * says what is wrong and where (file, line, element or lever, allowed range).
 * Saving goes through lode-output-file.h, like everything Lodestone writes.
 * Model library: GLib/GIO/libxml2 only.
 */
#pragma once

#include <gio/gio.h>

#include "lode-scenario.h"

G_BEGIN_DECLS

#define LODE_SCENARIO_ERROR (lode_scenario_error_quark ())

typedef enum
{
  LODE_SCENARIO_ERROR_IO,             /* cannot read or write the file, or not a regular file */
  LODE_SCENARIO_ERROR_TOO_LARGE,      /* over a LODE_SCENARIO_MAX_* bound */
  LODE_SCENARIO_ERROR_MALFORMED,      /* not well-formed XML, bad encoding, too deep */
  LODE_SCENARIO_ERROR_FORBIDDEN,      /* DTD, entity declarations, external references */
  LODE_SCENARIO_ERROR_NOT_A_SCENARIO, /* wrong root element or namespace */
  LODE_SCENARIO_ERROR_NEWER_VERSION,  /* format-version newer than this program reads */
  LODE_SCENARIO_ERROR_INVALID,        /* fails the schema (unknown element, missing field) */
  LODE_SCENARIO_ERROR_VALUE,          /* a value is out of range, duplicated or inconsistent */
} LodeScenarioError;

/* The namespace names the format family and would change only if a file could no longer be
 * read element by element; format-version counts the revisions within it (older ones are
 * migrated on load, docs/scenario-format.md). */
#define LODE_SCENARIO_NAMESPACE      "https://lodestone.github.io/ns/scenario/1"
#define LODE_SCENARIO_FORMAT_VERSION 2
#define LODE_SCENARIO_MAX_BYTES      (16 * 1024 * 1024)
#define LODE_SCENARIO_MAX_DEPTH      32
/* What a scenario file may hold, checked before it is parsed (see lode-xml-reader.h). A
 * complete scenario has about 250 elements; the 16 MiB of LODE_SCENARIO_MAX_BYTES leave room
 * for comments. */
#define LODE_SCENARIO_MAX_ELEMENTS    4096
#define LODE_SCENARIO_MAX_ATTRIBUTES  16
#define LODE_SCENARIO_MAX_NAMESPACES  8
#define LODE_SCENARIO_MAX_MARKUP      1024          /* comments, PIs, CDATA sections */
#define LODE_SCENARIO_MAX_FIELD_BYTES (256 * 1024)  /* one attribute value or text */
/* The longest number (a lever value, a capacity) the format takes, as in the schema's
 * maxLength. Lodestone writes at most 17 significant digits, but other tools write more: the
 * exact decimal of a double, as Python's Decimal(0.1) prints it, runs to some 60 characters. */
#define LODE_SCENARIO_MAX_NUMBER_CHARS 256
#define LODE_SCENARIO_SCHEMA_RESOURCE "/io/github/lodestone/Lodestone/data/lodestone-scenario.rng"

GQuark        lode_scenario_error_quark      (void);

/* `name_for_errors` is what messages call the file (its display name or path). */
LodeScenario *lode_scenario_load_from_bytes  (LodeDataset   *dataset,
                                              GBytes        *bytes,
                                              const char    *name_for_errors,
                                              GError       **error) G_GNUC_WARN_UNUSED_RESULT;
LodeScenario *lode_scenario_load_from_file   (LodeDataset   *dataset,
                                              GFile         *file,
                                              GCancellable  *cancellable,
                                              GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* Loads a preset from the model's resources, by its id in lode-presets.h. Every other check
 * runs, but not the schema: the tests validate the built-in presets against it. */
LodeScenario *lode_scenario_load_preset      (LodeDataset   *dataset,
                                              const char    *preset_id,
                                              GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* What a file of format `from_version` gained when it was migrated, for a note beside the
 * opened plan: translated, one paragraph. */
char         *lode_scenario_describe_migration (int from_version) G_GNUC_WARN_UNUSED_RESULT;
/* The presets' ids: lode_preset_ids(). */
const char * const *lode_scenario_preset_ids (void);

/* The document as UTF-8 XML; indented, one lever per line, numbers via g_ascii_dtostr. */
GBytes       *lode_scenario_to_bytes         (LodeScenario  *scenario) G_GNUC_WARN_UNUSED_RESULT;
/* Through the one output path (lode-output-file.h): atomic, regular files only, links written
 * through, the mode kept; the previous file survives any failure. Sets the scenario's modified
 * time (and created time if unset) before writing, and forgets an older format it was
 * migrated from once written. `cancellable` is not used. */
gboolean      lode_scenario_save_to_file     (LodeScenario  *scenario,
                                              GFile         *file,
                                              GCancellable  *cancellable,
                                              GError       **error);

G_END_DECLS
