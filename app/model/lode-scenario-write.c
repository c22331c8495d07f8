/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-scenario-write.c — writing scenario files: the document as indented UTF-8 XML, one
 * lever per line, numbers that read back to the same double, saved through the one output
 * path (lode-output-file.c). Reading is lode-scenario-io.c.
 */
#define G_LOG_DOMAIN "lode-scenario-write"

#include "config.h"

#include "lode-output-file.h"
#include "lode-scenario-io.h"

static gboolean
is_xml_char (gunichar c)
{
  return (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && c != 0xFFFE && c != 0xFFFF;
}

/* Escapes text for element content (in_attribute FALSE) or a double-quoted attribute.
 * Carriage returns (and in attributes tabs and newlines) become character references so the
 * parser hands them back unchanged; characters XML 1.0 forbids are dropped. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    in_attribute)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, in_attribute ? "&quot;" : "\"");
          break;
        case '\r':
          g_string_append (out, "&#13;");
          break;
        case '\n':
          g_string_append (out, in_attribute ? "&#10;" : "\n");
          break;
        case '\t':
          g_string_append (out, in_attribute ? "&#9;" : "\t");
          break;
        default:
          if (is_xml_char (c))
            g_string_append_unichar (out, c);
          break;
        }
    }
}

/* The shortest of %.15g and g_ascii_dtostr that reads back as exactly the same double. */
static const char *
format_number (char   *buffer,
               gsize   size,
               double  value)
{
  if (value == 0.0)
    {
      g_strlcpy (buffer, "0", size);
      return buffer;
    }

  g_ascii_formatd (buffer, size, "%.15g", value);
  if (g_ascii_strtod (buffer, NULL) != value)
    g_ascii_dtostr (buffer, size, value);
  return buffer;
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  /* Not "%Y": it does not pad years before 1000 to four digits. */
  g_autofree char *base = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d",
                                           g_date_time_get_year (utc),
                                           g_date_time_get_month (utc),
                                           g_date_time_get_day_of_month (utc),
                                           g_date_time_get_hour (utc),
                                           g_date_time_get_minute (utc),
                                           g_date_time_get_second (utc));
  int usec = g_date_time_get_microsecond (utc);

  if (usec != 0)
    return g_strdup_printf ("%s.%06dZ", base, usec);
  return g_strdup_printf ("%sZ", base);
}

static void
append_text_element (GString    *out,
                     const char *indent,
                     const char *element,
                     const char *text)
{
  g_string_append_printf (out, "%s<%s>", indent, element);
  append_escaped (out, text, FALSE);
  g_string_append_printf (out, "</%s>\n", element);
}

static void
append_metadata (GString      *out,
                 LodeScenario *scenario)
{
  g_string_append (out, "  <metadata>\n");
  append_text_element (out, "    ", "title", lode_scenario_get_title (scenario));
  append_text_element (out, "    ", "author", lode_scenario_get_author (scenario));
  if (lode_scenario_get_created (scenario) != NULL)
    {
      g_autofree char *time = format_time (lode_scenario_get_created (scenario));

      append_text_element (out, "    ", "created", time);
    }
  if (lode_scenario_get_modified (scenario) != NULL)
    {
      g_autofree char *time = format_time (lode_scenario_get_modified (scenario));

      append_text_element (out, "    ", "modified", time);
    }
  append_text_element (out, "    ", "notes", lode_scenario_get_notes (scenario));
  g_string_append (out, "  </metadata>\n");
}

/* Levers one per line; each region's ally and shock-target flags; each announced project. */
static void
append_choices (GString      *out,
                LodeScenario *scenario,
                LodeDataset  *dataset)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, "  <levers>\n");
  for (guint i = 0; i < LODE_N_LEVERS; i++)
    {
      g_string_append_printf (out, "    <lever id=\"%s\" value=\"%s\"/>\n",
                              lode_lever_info ((LodeLever) i)->id,
                              format_number (number, sizeof number,
                                             lode_scenario_get_lever (scenario, (LodeLever) i)));
    }
  g_string_append (out, "  </levers>\n");

  g_string_append (out, "  <regions>\n");
  for (guint i = 0; i < dataset->n_regions && i < LODE_MAX_REGIONS; i++)
    {
      g_string_append (out, "    <region id=\"");
      append_escaped (out, dataset->regions[i].id, TRUE);
      g_string_append_printf (out, "\" ally=\"%s\" shock-target=\"%s\"/>\n",
                              lode_scenario_get_ally (scenario, i) ? "true" : "false",
                              lode_scenario_get_shock_target (scenario, i) ? "true" : "false");
    }
  g_string_append (out, "  </regions>\n");

  g_string_append (out, "  <projects>\n");
  for (guint i = 0; i < dataset->n_projects && i < LODE_MAX_PROJECTS; i++)
    {
      g_string_append (out, "    <project id=\"");
      append_escaped (out, dataset->projects[i].id, TRUE);
      g_string_append_printf (out, "\" enabled=\"%s\"/>\n",
                              lode_scenario_get_project_enabled (scenario, i) ? "true" : "false");
    }
  g_string_append (out, "  </projects>\n");
}

static void
append_user_projects (GString      *out,
                      LodeScenario *scenario,
                      LodeDataset  *dataset)
{
  g_string_append (out, "  <user-projects>\n");
  for (guint i = 0; i < lode_scenario_get_n_user_projects (scenario); i++)
    {
      const LodeProject *project = lode_scenario_get_user_project (scenario, i);
      char capacity[G_ASCII_DTOSTR_BUF_SIZE];
      char capex[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, "    <user-project id=\"");
      append_escaped (out, project->id, TRUE);
      g_string_append_printf (out, "\" stage=\"%s\" region=\"", lode_stage_id (project->stage));
      append_escaped (out, dataset->regions[project->region].id, TRUE);
      g_string_append_printf (out,
                              "\"\n                  capacity=\"%s\" online-year=\"%d\" "
                              "capex-musd=\"%s\">\n",
                              format_number (capacity, sizeof capacity, project->capacity.value),
                              project->online_year,
                              format_number (capex, sizeof capex, project->capex_musd.value));
      append_text_element (out, "      ", "name", project->name);
      if (project->note != NULL)
        append_text_element (out, "      ", "note", project->note);
      g_string_append (out, "    </user-project>\n");
    }
  g_string_append (out, "  </user-projects>\n");
}

static void
append_view (GString      *out,
             LodeScenario *scenario)
{
  g_string_append_printf (out, "  <view selected-year=\"%d\" chart=\"",
                          lode_scenario_get_selected_year (scenario));
  append_escaped (out, lode_scenario_get_chart (scenario), TRUE);
  /* NdPr, the default, is left out: files that show it stay as older versions wrote them. */
  if (g_strcmp0 (lode_scenario_get_material (scenario), "ndpr") != 0)
    {
      g_string_append (out, "\" material=\"");
      append_escaped (out, lode_scenario_get_material (scenario), TRUE);
    }
  g_string_append (out, "\"/>\n");
}

GBytes *
lode_scenario_to_bytes (LodeScenario *scenario)
{
  LodeDataset *dataset;
  GString *out;

  g_return_val_if_fail (LODE_IS_SCENARIO (scenario), NULL);

  dataset = lode_scenario_get_dataset (scenario);
  out = g_string_sized_new (8192);

  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<!-- A Lodestone scenario: one plan for the rare-earth supply chain from mine\n"
                   "     to magnet (lever values, partners, projects, notes). Open it with\n"
                   "     Lodestone. The format is described in docs/scenario-format.md and the\n"
                   "     schema is lodestone-scenario.rng; numbers use a dot as decimal\n"
                   "     point. -->\n");
  g_string_append_printf (out, "<scenario xmlns=\"%s\" format-version=\"%d\">\n",
                          LODE_SCENARIO_NAMESPACE, LODE_SCENARIO_FORMAT_VERSION);
  append_metadata (out, scenario);

  g_string_append (out, "  <dataset id=\"");
  append_escaped (out, dataset->id != NULL ? dataset->id : "none", TRUE);
  g_string_append (out, "\" version=\"");
  append_escaped (out, dataset->version != NULL ? dataset->version : "0", TRUE);
  g_string_append (out, "\"/>\n");
  g_string_append_printf (out, "  <horizon year=\"%d\"/>\n", lode_scenario_get_horizon (scenario));

  append_choices (out, scenario, dataset);
  append_user_projects (out, scenario, dataset);
  append_view (out, scenario);
  g_string_append (out, "</scenario>\n");

  return g_string_free_to_bytes (out);
}

gboolean
lode_scenario_save_to_file (LodeScenario  *scenario,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GDateTime) now_precise = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LODE_IS_SCENARIO (scenario), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Whole seconds: readable in the file, and exact when read back. */
  now_precise = g_date_time_new_now_utc ();
  now = g_date_time_new_utc (g_date_time_get_year (now_precise),
                             g_date_time_get_month (now_precise),
                             g_date_time_get_day_of_month (now_precise),
                             g_date_time_get_hour (now_precise),
                             g_date_time_get_minute (now_precise),
                             g_date_time_get_second (now_precise));
  if (lode_scenario_get_created (scenario) == NULL)
    lode_scenario_set_created (scenario, now);
  lode_scenario_set_modified (scenario, now);

  bytes = lode_scenario_to_bytes (scenario);
  if (!lode_output_file_write_bytes (file, bytes, &local_error))
    {
      /* The message names the file and says the previous one, if any, is unchanged. */
      g_set_error_literal (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_IO,
                           local_error->message);
      return FALSE;
    }
  /* On disk it is of the current format now. */
  lode_scenario_set_migrated_from (scenario, -1);
  return TRUE;
}
