/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-dataset-reader.c — reading one element of the dataset: attributes, numbers in the
 * files' strict notation, cited numbers with their source, basis and range, and errors that
 * name the file, the line and the element.
 */
#define G_LOG_DOMAIN "lode-dataset-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lode-dataset-private.h"
#include "lode-levers.h"

xmlNode *
lode_xml_next_element (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      return node;
  return NULL;
}

void
lode_dataset_node_error (const LodeDatasetLoader  *loader,
                         const xmlNode            *node,
                         LodeDatasetError          code,
                         GError                  **error,
                         const char               *format,
                         ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, LODE_DATASET_ERROR, code,
               /* Translators: file name, line number, XML element name, what is wrong */
               _("%s, line %ld, element <%s>: %s"),
               loader->file, node != NULL ? xmlGetLineNo (node) : 0L,
               node != NULL ? (const char *) node->name : "?", what);
}

xmlNode *
lode_dataset_find_child (xmlNode    *parent,
                         const char *name)
{
  LODE_FOR_EACH_ELEMENT (child, parent)
    if (lode_xml_is_element (child, name))
      return child;
  return NULL;
}

xmlNode *
lode_dataset_require_child (const LodeDatasetLoader  *loader,
                            xmlNode                  *parent,
                            const char               *name,
                            GError                  **error)
{
  xmlNode *child = lode_dataset_find_child (parent, name);

  if (child == NULL)
    lode_dataset_node_error (loader, parent, LODE_DATASET_ERROR_INVALID, error,
                             _("missing element <%s>"), name);
  return child;
}

char *
lode_dataset_dup_prop (const xmlNode *node,
                       const char    *name)
{
  g_autoptr(LodeXmlChar) value = xmlGetProp (node, (const xmlChar *) name);

  return value != NULL ? g_strdup ((const char *) value) : NULL;
}

char *
lode_dataset_require_prop (const LodeDatasetLoader  *loader,
                           const xmlNode            *node,
                           const char               *name,
                           GError                  **error)
{
  char *value = lode_dataset_dup_prop (node, name);

  if (value == NULL || value[0] == '\0')
    {
      g_free (value);
      lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                               _("missing attribute “%s”"), name);
      return NULL;
    }
  return value;
}

char *
lode_dataset_ascii_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", value));
}

/* Numbers in the dataset follow the scenario files' syntax (lode_parse_plain_double):
 * C locale, no hex, inf or nan; surrounding spaces are allowed. */
static gboolean
parse_double (const char *text,
              double     *out)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  return lode_parse_plain_double (copy, out);
}

gboolean
lode_dataset_read_double_prop (const LodeDatasetLoader  *loader,
                               const xmlNode            *node,
                               const char               *name,
                               double                    min,
                               double                    max,
                               double                   *out,
                               GError                  **error)
{
  g_autofree char *text = lode_dataset_require_prop (loader, node, name, error);
  double value = 0.0;

  if (text == NULL)
    return FALSE;

  if (!parse_double (text, &value))
    {
      lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                               _("“%s” is not a finite number: “%s”"), name, text);
      return FALSE;
    }
  if (value < min || value > max)
    {
      g_autofree char *shown = lode_dataset_ascii_number (value);
      g_autofree char *shown_min = lode_dataset_ascii_number (min);
      g_autofree char *shown_max = lode_dataset_ascii_number (max);

      lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                               /* Translators: attribute name, its value, the allowed minimum
                                * and maximum */
                               _("%s %s is out of range [%s, %s]"),
                               name, shown, shown_min, shown_max);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

gboolean
lode_dataset_read_int_prop (const LodeDatasetLoader  *loader,
                            const xmlNode            *node,
                            const char               *name,
                            int                       min,
                            int                       max,
                            int                      *out,
                            GError                  **error)
{
  g_autofree char *text = lode_dataset_require_prop (loader, node, name, error);
  gint64 value = 0;

  if (text == NULL)
    return FALSE;

  g_strstrip (text);
  if (!g_ascii_string_to_signed (text, 10, min, max, &value, NULL))
    {
      lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                               _("“%s” must be a whole number from %d to %d: “%s”"),
                               name, min, max, text);
      return FALSE;
    }

  *out = (int) value;
  return TRUE;
}

gboolean
lode_dataset_read_bool_prop (const LodeDatasetLoader  *loader,
                             const xmlNode            *node,
                             const char               *name,
                             gboolean                 *out,
                             GError                  **error)
{
  g_autofree char *text = lode_dataset_require_prop (loader, node, name, error);

  if (text == NULL)
    return FALSE;

  if (strcmp (text, "true") == 0)
    *out = TRUE;
  else if (strcmp (text, "false") == 0)
    *out = FALSE;
  else
    {
      lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                               _("“%s” must be true or false: “%s”"), name, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_sources (const LodeDatasetLoader  *loader,
              const xmlNode            *node,
              LodeCited                *out,
              GError                  **error)
{
  g_autofree char *source = lode_dataset_require_prop (loader, node, "source", error);
  g_auto(GStrv) ids = NULL;

  if (source == NULL)
    return FALSE;
  g_strstrip (source);

  ids = g_strsplit (source, " ", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (ids[i][0] == '\0' || lode_dataset_find_source (loader->ds, ids[i]) == NULL)
        {
          lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                                   _("unknown source “%s”"), ids[i]);
          return FALSE;
        }
    }
  out->source = g_intern_string (source);
  return TRUE;
}

/* The optional plausible range: both of low and high, low <= value <= high. */
static gboolean
read_range (const LodeDatasetLoader  *loader,
            const xmlNode            *node,
            double                    min,
            double                    max,
            LodeCited                *out,
            GError                  **error)
{
  gboolean has_low = xmlHasProp (node, BAD_CAST "low") != NULL;
  gboolean has_high = xmlHasProp (node, BAD_CAST "high") != NULL;

  out->has_range = FALSE;
  out->low = out->high = out->value;
  if (!has_low && !has_high)
    return TRUE;
  if (has_low != has_high)
    {
      lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                               _("a range needs both “low” and “high”"));
      return FALSE;
    }
  if (!lode_dataset_read_double_prop (loader, node, "low", min, max, &out->low, error) ||
      !lode_dataset_read_double_prop (loader, node, "high", min, max, &out->high, error))
    return FALSE;
  if (!(out->low <= out->value && out->value <= out->high))
    {
      g_autofree char *low = lode_dataset_ascii_number (out->low);
      g_autofree char *value = lode_dataset_ascii_number (out->value);
      g_autofree char *high = lode_dataset_ascii_number (out->high);

      lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                               /* Translators: low, value, high of a cited number */
                               _("the range must hold the value: low %s, value %s, high %s"),
                               low, value, high);
      return FALSE;
    }
  out->has_range = TRUE;
  return TRUE;
}

gboolean
lode_dataset_read_cited (const LodeDatasetLoader  *loader,
                         const xmlNode            *node,
                         double                    min,
                         double                    max,
                         LodeCited                *out,
                         GError                  **error)
{
  g_autofree char *basis = NULL;
  LodeBasis code;
  double value;

  if (!lode_dataset_read_double_prop (loader, node, "value", min, max, &value, error) ||
      !read_sources (loader, node, out, error))
    return FALSE;

  basis = lode_dataset_require_prop (loader, node, "basis", error);
  if (basis == NULL)
    return FALSE;
  if (!lode_basis_from_code (basis, &code))
    {
      lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                               _("basis must be S, D or E: “%s”"), basis);
      return FALSE;
    }

  out->value = value;
  out->basis = code;
  return read_range (loader, node, min, max, out, error);
}

gboolean
lode_dataset_read_cited_child (const LodeDatasetLoader  *loader,
                               xmlNode                  *parent,
                               const char               *name,
                               double                    min,
                               double                    max,
                               LodeCited                *out,
                               GError                  **error)
{
  xmlNode *child = lode_dataset_require_child (loader, parent, name, error);

  return child != NULL && lode_dataset_read_cited (loader, child, min, max, out, error);
}

gboolean
lode_dataset_read_enum_prop (const LodeDatasetLoader  *loader,
                             const xmlNode            *node,
                             const char               *name,
                             gboolean                (*from_id) (const char *id,
                                                                 int        *out),
                             const char               *what,
                             int                      *out,
                             GError                  **error)
{
  g_autofree char *text = lode_dataset_require_prop (loader, node, name, error);

  if (text == NULL)
    return FALSE;
  if (!from_id (text, out))
    {
      lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                               /* Translators: what is unknown ("stage", "material"), the text */
                               _("unknown %s “%s”"), what, text);
      return FALSE;
    }
  return TRUE;
}

gboolean
lode_dataset_stage_from_id (const char *id,
                            int        *out)
{
  LodeStage stage;

  if (!lode_stage_from_id (id, &stage))
    return FALSE;
  *out = stage;
  return TRUE;
}

gboolean
lode_dataset_material_from_id (const char *id,
                               int        *out)
{
  LodeMaterial material;

  if (!lode_material_from_id (id, &material))
    return FALSE;
  *out = material;
  return TRUE;
}

gboolean
lode_dataset_region_from_id (const LodeDatasetLoader  *loader,
                             const xmlNode            *node,
                             const char               *name,
                             guint                    *out,
                             GError                  **error)
{
  g_autofree char *text = lode_dataset_require_prop (loader, node, name, error);
  int index;

  if (text == NULL)
    return FALSE;
  index = lode_dataset_region_index (loader->ds, text);
  if (index < 0)
    {
      lode_dataset_node_error (loader, node, LODE_DATASET_ERROR_INVALID, error,
                               _("unknown region “%s”"), text);
      return FALSE;
    }
  *out = (guint) index;
  return TRUE;
}
