/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-cli-list.c — `--list levers|projects|regions|charts|materials`, from the model's tables. */

#define G_LOG_DOMAIN "lode-cli-list"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lode-chart-kind.h"
#include "lode-cli-list.h"
#include "lode-export.h"
#include "lode-format.h"
#include "lode-levers.h"
#include "lode-model-types.h"

/* Columns are this many spaces apart. */
#define COLUMN_GAP 2

static const char * const list_ids[LODE_CLI_N_LISTS] = {
  [LODE_CLI_LIST_LEVERS] = "levers",
  [LODE_CLI_LIST_PROJECTS] = "projects",
  [LODE_CLI_LIST_REGIONS] = "regions",
  [LODE_CLI_LIST_CHARTS] = "charts",
  [LODE_CLI_LIST_MATERIALS] = "materials",
};

/* Tables */

typedef struct
{
  guint      n_columns;
  GPtrArray *rows;   /* GStrv, the header first */
} Table;

static void
table_init (Table      *table,
            guint       n_columns,
            const char *first,
            ...)
{
  va_list args;
  GPtrArray *header = g_ptr_array_new ();
  const char *title = first;

  table->n_columns = n_columns;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  va_start (args, first);
  for (guint c = 0; c < n_columns; c++)
    {
      g_ptr_array_add (header, g_strdup (title));
      title = va_arg (args, const char *);
    }
  va_end (args);
  g_ptr_array_add (header, NULL);
  g_ptr_array_add (table->rows, g_ptr_array_free (header, FALSE));
}

/* Takes the strings (n_columns of them, NULL for an empty cell). */
static void
table_add (Table *table,
           ...)
{
  va_list args;
  char **row = g_new0 (char *, table->n_columns + 1);

  va_start (args, table);
  for (guint c = 0; c < table->n_columns; c++)
    {
      char *cell = va_arg (args, char *);

      row[c] = cell != NULL ? cell : g_strdup ("");
    }
  va_end (args);
  g_ptr_array_add (table->rows, row);
}

/* Columns on a terminal: East Asian wide characters take two. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

static void
table_write (Table   *table,
             GString *out)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], display_width (row[c]));
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      GString *line = g_string_new (NULL);

      for (guint c = 0; c < table->n_columns; c++)
        {
          g_string_append (line, row[c]);
          if (c + 1 < table->n_columns)
            for (guint pad = display_width (row[c]); pad < widths[c] + COLUMN_GAP; pad++)
              g_string_append_c (line, ' ');
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append_printf (out, "%s\n", line->str);
      g_string_free (line, TRUE);
    }
  g_ptr_array_unref (table->rows);
}

/* Cells */

static char *
c_number (double value)
{
  return lode_format_c_number (value, 12);
}

/* The short names of the sources a number cites ("USGS MCS 2025; MP FY2024"), or nothing. */
static char *
dup_source (const LodeDataset *dataset,
            const char        *source_ids)
{
  g_auto(GStrv) ids = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  if (source_ids == NULL || source_ids[0] == '\0')
    return NULL;
  ids = g_strsplit (source_ids, " ", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const LodeSource *source = lode_dataset_find_source (dataset, ids[i]);
      const char *name = source != NULL && source->short_name != NULL
                         && source->short_name[0] != '\0' ? source->short_name : ids[i];

      if (ids[i][0] != '\0')
        g_string_append_printf (names, "%s%s", names->len > 0 ? "; " : "", name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The lists */

static void
write_levers (const LodeDataset *dataset,
              GString           *out)
{
  Table table;

  table_init (&table, 6, _("ID"), _("NAME"), _("UNIT"), _("RANGE"), _("DEFAULT"), _("SOURCE"));
  for (guint i = 0; i < LODE_N_LEVERS; i++)
    {
      const LodeLeverInfo *info = lode_lever_info ((LodeLever) i);
      char *range;

      if (info->is_switch)
        /* Translators: the values of an on/off lever in `--list levers` */
        range = g_strdup (_("0 or 1"));
      else
        {
          g_autofree char *min = c_number (info->min);
          g_autofree char *max = c_number (info->max);

          range = g_strdup_printf ("%s..%s", min, max);
        }
      table_add (&table, g_strdup (info->id), g_strdup (lode_lever_label ((LodeLever) i)),
                 g_strdup (lode_lever_unit ((LodeLever) i)), range,
                 c_number (info->default_value), dup_source (dataset, info->source));
    }
  table_write (&table, out);
  g_string_append (out, _("\nSet one with --set ID=VALUE; --set fund.alloc=MINE,SEPARATION,METAL,"
                          "MAGNET,RECYCLING sets the five fund shares exactly (they add up to "
                          "100).\n"));
}

static void
write_projects (const LodeDataset *dataset,
                GString           *out)
{
  Table table;

  table_init (&table, 7, _("ID"), _("NAME"), _("STAGE"), _("REGION"), _("CAPACITY"),
              _("ONLINE"), _("SOURCE"));
  for (guint i = 0; i < dataset->n_projects; i++)
    {
      const LodeProject *p = &dataset->projects[i];
      g_autofree char *capacity = c_number (p->capacity.value);

      table_add (&table, g_strdup (p->id), g_strdup (p->name),
                 g_strdup_printf ("%s (%s)", lode_stage_id (p->stage),
                                  lode_material_id (p->material)),
                 g_strdup (p->region < dataset->n_regions ? dataset->regions[p->region].id : "?"),
                 g_strdup_printf ("%s %s", capacity,
                                  lode_material_stage_unit (p->material, p->stage)),
                 g_strdup_printf ("%d", p->online_year),
                 dup_source (dataset, p->capacity.source));
    }
  table_write (&table, out);
  g_string_append (out, _("\nSwitch one off with --set project.ID=0, on with --set "
                          "project.ID=1.\n"));
}

static void
write_regions (const LodeDataset *dataset,
               GString           *out)
{
  Table table;

  table_init (&table, 3, _("ID"), _("NAME"), _("ALLIED BY DEFAULT"));
  for (guint i = 0; i < dataset->n_regions; i++)
    {
      const LodeRegion *r = &dataset->regions[i];

      table_add (&table, g_strdup (r->id), g_strdup (lode_region_name (r)),
                 g_strdup (r->allied_default ? _("yes") : _("no")));
    }
  table_write (&table, out);
  g_string_append (out, _("\nMake one an ally with --set ally.ID=1, or not with "
                          "--set ally.ID=0.\n"));
}

static void
write_charts (GString *out)
{
  Table table;

  table_init (&table, 2, _("VIEW"), _("TITLE"));
  for (int k = 0; k < LODE_N_CHARTS; k++)
    table_add (&table, lode_export_view_to_id (LODE_EXPORT_VIEW_CHART, (LodeChartKind) k),
               g_strdup (lode_chart_kind_title ((LodeChartKind) k)));
  table_add (&table, lode_export_view_to_id (LODE_EXPORT_VIEW_FLOW, 0),
             g_strdup (_("The flow diagram from mine to magnet")));
  table_add (&table, lode_export_view_to_id (LODE_EXPORT_VIEW_SLIDE, 0),
             g_strdup (_("A slide: the diagram, a chart and the headline figures")));
  table_write (&table, out);
  g_string_append (out, _("\nExport one with --export FILE --view VIEW.\n"));
}

static void
write_materials (GString *out)
{
  Table table;

  table_init (&table, 3, _("ID"), _("NAME"), _("MINED AS"));
  for (int m = 0; m < LODE_N_MATERIALS; m++)
    table_add (&table, g_strdup (lode_material_id ((LodeMaterial) m)),
               g_strdup (lode_material_name ((LodeMaterial) m)),
               g_strdup (lode_material_stage_unit ((LodeMaterial) m, LODE_STAGE_MINE)));
  table_write (&table, out);
  g_string_append (out, _("\nShow one with --material ID (with --summary, --csv or "
                          "--export).\n"));
}

/* Public API */

gboolean
lode_cli_list_from_id (const char  *id,
                       LodeCliList *out_list)
{
  for (guint i = 0; id != NULL && i < LODE_CLI_N_LISTS; i++)
    if (g_str_equal (id, list_ids[i]))
      {
        if (out_list != NULL)
          *out_list = (LodeCliList) i;
        return TRUE;
      }
  return FALSE;
}

const char *
lode_cli_list_choices (void)
{
  return "levers|projects|regions|charts|materials";
}

void
lode_cli_list_write (LodeCliList        list,
                     const LodeDataset *dataset,
                     GString           *out)
{
  g_return_if_fail (list < LODE_CLI_N_LISTS);
  g_return_if_fail (dataset != NULL);
  g_return_if_fail (out != NULL);

  switch (list)
    {
    case LODE_CLI_LIST_LEVERS:
      write_levers (dataset, out);
      break;
    case LODE_CLI_LIST_PROJECTS:
      write_projects (dataset, out);
      break;
    case LODE_CLI_LIST_REGIONS:
      write_regions (dataset, out);
      break;
    case LODE_CLI_LIST_CHARTS:
      write_charts (out);
      break;
    case LODE_CLI_LIST_MATERIALS:
    case LODE_CLI_N_LISTS:
    default:
      write_materials (out);
      break;
    }
}

char *
lode_cli_dup_lever_ids (guint indent,
                        guint width)
{
  GString *text = g_string_new (NULL);
  guint column = 0;

  for (guint i = 0; i < LODE_N_LEVERS; i++)
    {
      const char *id = lode_lever_info ((LodeLever) i)->id;
      guint len = (guint) strlen (id) + (i + 1 < LODE_N_LEVERS ? 1 : 0);

      if (column == 0 || column + 1 + len > width)
        {
          if (column > 0)
            g_string_append_c (text, '\n');
          for (guint k = 0; k < indent; k++)
            g_string_append_c (text, ' ');
          column = indent;
        }
      else
        {
          g_string_append_c (text, ' ');
          column++;
        }
      g_string_append (text, id);
      if (i + 1 < LODE_N_LEVERS)
        g_string_append_c (text, ',');
      column += len;
    }
  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}
