/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-scenario-io.c — reading scenario files safely (writing them is lode-scenario-write.c).
 *
 * Loading is a pipeline of checks, each of which stops at the first problem with a message
 * that names the file and the line:
 *   1-3. the model's one safe XML reader (lode-xml-reader.c): regular files only, size,
 *      UTF-8, a bounded streaming pre-scan that refuses DTDs and entities, safe parsing behind
 *      a deny-all entity loader, and a tree check;
 *   4. root element, namespace and format-version (newer: refused plainly; older: migrated
 *      by lode-scenario-migrate.c);
 *   5. RELAX NG validation against the schema compiled into the model's resources (compiled
 *      once per process), a refused value explained by element, attribute, value and range;
 *      skipped only for the built-in presets, which the tests validate;
 *   6. semantic checks while building the scenario (ids, ranges, duplicates, allocation).
 */
#define G_LOG_DOMAIN "lode-scenario-io"

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lode-allocation.h"
#include "lode-presets.h"
#include "lode-scenario-io.h"
#include "lode-scenario-migrate.h"
#include "lode-xml-reader.h"

#define NS_PREFIX         "https://lodestone.github.io/ns/scenario/"
#define PRESET_RESOURCE   "/io/github/lodestone/Lodestone/data/scenarios/%s.lodestone"

G_DEFINE_QUARK (lode-scenario-error-quark, lode_scenario_error)

/* ------------------------------------------------------------------------------------------ */
/* Errors                                                                                      */

G_GNUC_PRINTF (5, 6)
static void
fail (GError     **error,
      int          code,
      const char  *name,
      long         line,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    g_set_error (error, LODE_SCENARIO_ERROR, code,
                 /* Translators: file name, line number, what is wrong */
                 _("%s:%ld: %s"), name, line, message);
  else
    g_set_error (error, LODE_SCENARIO_ERROR, code,
                 /* Translators: file name, what is wrong */
                 _("%s: %s"), name, message);
}

/* Text from the file as it may appear in a message. */
static char *
shown_text (const char *text,
            glong       max_chars)
{
  return lode_dup_shown_text (text, -1, max_chars);
}

static long
node_line (xmlNode *node)
{
  return lode_xml_node_line (node);
}

/* ------------------------------------------------------------------------------------------ */
/* Step 4: root, namespace, format version and migration                                      */

static gboolean
parse_format_version (const char *text,
                      int        *out_version)
{
  gint64 value = 0;

  if (text == NULL || *text == '\0' || strlen (text) > 6)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      value = value * 10 + (*p - '0');
    }
  *out_version = (int) value;
  return TRUE;
}


/* On success *out_version is the file's format version, before migration. */
static gboolean
check_root (xmlDoc      *doc,
            const char  *name,
            int         *out_version,
            GError     **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autoptr(LodeXmlChar) version_text = NULL;
  const char *ns;
  int version = -1;
  gboolean have_version;

  if (root == NULL)
    {
      fail (error, LODE_SCENARIO_ERROR_NOT_A_SCENARIO, name, 0, _("the file has no root element"));
      return FALSE;
    }
  ns = root->ns != NULL ? (const char *) root->ns->href : NULL;

  if (!xmlStrEqual (root->name, BAD_CAST "scenario"))
    {
      g_autofree char *shown = shown_text ((const char *) root->name, 64);

      fail (error, LODE_SCENARIO_ERROR_NOT_A_SCENARIO, name, node_line (root),
            _("this is not a Lodestone scenario: the root element is <%s>, expected <scenario> "
              "in namespace %s"),
            shown, LODE_SCENARIO_NAMESPACE);
      return FALSE;
    }

  version_text = xmlGetNoNsProp (root, BAD_CAST "format-version");
  have_version = parse_format_version ((const char *) version_text, &version);

  /* Any later format announces itself by its namespace or its format-version. */
  if ((have_version && version > LODE_SCENARIO_FORMAT_VERSION) ||
      (ns != NULL && g_str_has_prefix (ns, NS_PREFIX) && strcmp (ns, LODE_SCENARIO_NAMESPACE) != 0))
    {
      if (have_version && version > LODE_SCENARIO_FORMAT_VERSION)
        fail (error, LODE_SCENARIO_ERROR_NEWER_VERSION, name, node_line (root),
              _("the file was written by a newer Lodestone (format %d); this version reads "
                "format %d. Update Lodestone to open it."),
              version, LODE_SCENARIO_FORMAT_VERSION);
      else
        fail (error, LODE_SCENARIO_ERROR_NEWER_VERSION, name, node_line (root),
              _("the file was written by a newer Lodestone (namespace %s); this version reads "
                "format %d. Update Lodestone to open it."),
              ns, LODE_SCENARIO_FORMAT_VERSION);
      return FALSE;
    }

  if (ns == NULL)
    {
      if (have_version && version == 0)
        {
          lode_scenario_migrate (root, version);
          *out_version = version;
          return TRUE;
        }
      fail (error, LODE_SCENARIO_ERROR_NOT_A_SCENARIO, name, node_line (root),
            _("this is not a Lodestone scenario: <scenario> has no namespace, expected %s"),
            LODE_SCENARIO_NAMESPACE);
      return FALSE;
    }

  if (strcmp (ns, LODE_SCENARIO_NAMESPACE) != 0)
    {
      g_autofree char *shown = shown_text (ns, 200);

      fail (error, LODE_SCENARIO_ERROR_NOT_A_SCENARIO, name, node_line (root),
            _("this is not a Lodestone scenario: <scenario> is in namespace %s, expected %s"),
            shown, LODE_SCENARIO_NAMESPACE);
      return FALSE;
    }

  if (!have_version)
    {
      fail (error, LODE_SCENARIO_ERROR_INVALID, name, node_line (root),
            _("element <scenario>: the format-version attribute is missing or not a whole "
              "number (this version writes format-version=\"%d\")"),
            LODE_SCENARIO_FORMAT_VERSION);
      return FALSE;
    }

  if (version < LODE_SCENARIO_FORMAT_VERSION)
    lode_scenario_migrate (root, version);
  *out_version = version;
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Step 5: RELAX NG, and messages that say which value is wrong                                */

/* What the schema allows in each attribute (and in the text of a few elements), so that a
 * value it refuses is named with its element, attribute, value and allowed range rather than
 * libxml2's "failed to validate attributes". One line per attribute: a new attribute in the
 * schema is a new line here. */
typedef enum
{
  RULE_YEAR,        /* four digits, from min to max */
  RULE_NUMBER,      /* a plain decimal, from min to max (the range is checked later) */
  RULE_CHOICE,      /* one of `choices` */
  RULE_IDENTIFIER,  /* 1 to 64 of [A-Za-z0-9._-] */
  RULE_LEVER_ID,    /* 1 to 64 characters, [a-z][a-z0-9_]*(\.[a-z0-9_]+)* */
  RULE_LEVER_VALUE, /* a number that the lever of the element's id takes */
  RULE_TEXT,        /* the element's text: at most max characters */
} RuleKind;

typedef struct
{
  const char *element;
  const char *attribute;   /* NULL for RULE_TEXT */
  gboolean    required;
  RuleKind    kind;
  double      min;
  double      max;
  const char *choices;     /* RULE_CHOICE: space-separated */
} ValueRule;

#define YEARS(min, max) RULE_YEAR, (min), (max), NULL
#define NUMBER(min, max) RULE_NUMBER, (min), (max), NULL
#define CHOICE(list) RULE_CHOICE, 0, 0, (list)
#define IDENTIFIER RULE_IDENTIFIER, 1, 64, NULL
#define LEVER_ID RULE_LEVER_ID, 1, 64, NULL
#define LEVER_VALUE RULE_LEVER_VALUE, 0, 0, NULL
#define TEXT(max) RULE_TEXT, 0, (max), NULL

static const ValueRule value_rules[] = {
  { "title", NULL, FALSE, TEXT (LODE_SCENARIO_MAX_TITLE_CHARS) },
  { "author", NULL, FALSE, TEXT (LODE_SCENARIO_MAX_AUTHOR_CHARS) },
  { "notes", NULL, FALSE, TEXT (LODE_SCENARIO_MAX_NOTES_CHARS) },
  { "name", NULL, FALSE, TEXT (LODE_SCENARIO_MAX_PROJECT_NAME_CHARS) },
  { "note", NULL, FALSE, TEXT (LODE_SCENARIO_MAX_PROJECT_NOTE_CHARS) },
  { "dataset", "id", TRUE, IDENTIFIER },
  { "horizon", "year", TRUE, YEARS (LODE_SCENARIO_MIN_HORIZON, LODE_MAX_HORIZON) },
  { "lever", "id", TRUE, LEVER_ID },
  { "lever", "value", TRUE, LEVER_VALUE },
  { "region", "id", TRUE, IDENTIFIER },
  { "region", "ally", FALSE, CHOICE ("true false") },
  { "region", "shock-target", FALSE, CHOICE ("true false") },
  { "project", "id", TRUE, IDENTIFIER },
  { "project", "enabled", TRUE, CHOICE ("true false") },
  { "user-project", "id", TRUE, IDENTIFIER },
  { "user-project", "stage", TRUE, CHOICE ("mine separation metal magnet") },
  { "user-project", "region", TRUE, IDENTIFIER },
  { "user-project", "capacity", TRUE, NUMBER (0, LODE_SCENARIO_MAX_USER_CAPACITY) },
  { "user-project", "online-year", TRUE, YEARS (LODE_BASE_YEAR, LODE_MAX_HORIZON) },
  { "user-project", "capex-musd", TRUE, NUMBER (0, LODE_SCENARIO_MAX_USER_CAPEX_MUSD) },
  { "view", "selected-year", FALSE, YEARS (LODE_BASE_YEAR, LODE_MAX_HORIZON) },
  { "view", "chart", FALSE, IDENTIFIER },
};

#undef YEARS
#undef NUMBER
#undef CHOICE
#undef IDENTIFIER
#undef LEVER_ID
#undef LEVER_VALUE
#undef TEXT

static gboolean
is_identifier (const char *text)
{
  gsize n = strlen (text);

  if (n < 1 || n > 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

/* The schema's lever id: lower-case words of [a-z0-9_] joined by dots, the first starting
 * with a letter, such as fund.alloc.mine. */
static gboolean
is_lever_id (const char *text)
{
  gsize n = strlen (text);

  if (n < 1 || n > 64 || !g_ascii_islower (text[0]))
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '.' && (p[1] == '.' || p[1] == '\0'))
        return FALSE;
      if (*p != '.' && *p != '_' && !g_ascii_islower (*p) && !g_ascii_isdigit (*p))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_year_between (const char *text,
                 double      min,
                 double      max)
{
  int year = 0;

  if (strlen (text) != 4)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      year = year * 10 + (*p - '0');
    }
  return year >= min && year <= max;
}

static gboolean
is_choice (const char *text,
           const char *choices)
{
  g_auto(GStrv) list = g_strsplit (choices, " ", -1);

  return g_strv_contains ((const char * const *) list, text);
}

static char *get_attr (xmlNode    *node,
                       const char *attr);

/* A lever's value, in the lever's own words: its range and unit. NULL if the value is fine or
 * the id is no lever's (the id's own rule, or explain_lever(), says so). */
static char *
explain_lever_value (xmlNode         *node,
                     const char      *value,
                     const char      *shown)
{
  g_autofree char *id = get_attr (node, "id");
  g_autoptr(GError) lever_error = NULL;
  LodeLever lever;

  if (!lode_lever_from_id (id, &lever))
    return NULL;
  if (strlen (value) > LODE_SCENARIO_MAX_NUMBER_CHARS)
    {
      g_autofree char *range = lode_lever_dup_range (lever);

      /* Translators: the value (cut short), its length, the longest number allowed, the
       * lever's id and its range: "… is 300 characters long; a number may have at most 256,
       * and fund.size_busd takes 0–500 ($ bn)" */
      return g_strdup_printf (_("element <lever>: value=\"%s\" is %zu characters long; a number "
                                "may have at most %d, and %s takes %s"),
                              shown, strlen (value), LODE_SCENARIO_MAX_NUMBER_CHARS, id, range);
    }
  if (lode_lever_parse (lever, value, NULL, &lever_error))
    return NULL;
  /* Translators: the lever's own message, e.g. "fund.size_busd (Fund size): 600 is outside
   * the allowed range 0–500 ($ bn)" */
  return g_strdup_printf (_("lever %s"), lever_error->message);
}

/* Why `node` breaks `rule`, or NULL if it does not. */
static char *
explain_rule (xmlNode         *node,
              const ValueRule *rule)
{
  g_autofree char *value = NULL;
  g_autofree char *shown = NULL;
  char min[G_ASCII_DTOSTR_BUF_SIZE], max[G_ASCII_DTOSTR_BUF_SIZE];
  double number;

  if (rule->kind == RULE_TEXT)
    {
      g_autoptr(LodeXmlChar) text = xmlNodeGetContent (node);
      glong length = text != NULL ? g_utf8_strlen ((const char *) text, -1) : 0;

      if (length <= rule->max)
        return NULL;
      return g_strdup_printf (_("element <%s>: the text is %ld characters long; it may be at "
                                "most %d"),
                              rule->element, length, (int) rule->max);
    }

  value = get_attr (node, rule->attribute);
  if (value == NULL && !rule->required)
    return NULL;
  if (value == NULL)
    return g_strdup_printf (_("element <%s>: the attribute %s is missing"),
                            rule->element, rule->attribute);
  shown = shown_text (value, 40);
  g_ascii_formatd (min, sizeof min, "%.15g", rule->min);
  g_ascii_formatd (max, sizeof max, "%.15g", rule->max);

  switch (rule->kind)
    {
    case RULE_YEAR:
      if (is_year_between (value, rule->min, rule->max))
        return NULL;
      return g_strdup_printf (_("element <%s>: %s=\"%s\" is not a year from %s to %s"),
                              rule->element, rule->attribute, shown, min, max);
    case RULE_NUMBER:
      if (strlen (value) > LODE_SCENARIO_MAX_NUMBER_CHARS)
        return g_strdup_printf (_("element <%s>: %s=\"%s\" is %zu characters long; a number "
                                  "may have at most %d"),
                                rule->element, rule->attribute, shown, strlen (value),
                                LODE_SCENARIO_MAX_NUMBER_CHARS);
      if (lode_parse_plain_double (value, &number))
        return NULL;
      return g_strdup_printf (_("element <%s>: %s=\"%s\" is not a plain decimal number "
                                "from %s to %s"),
                              rule->element, rule->attribute, shown, min, max);
    case RULE_CHOICE:
      if (is_choice (value, rule->choices))
        return NULL;
      return g_strdup_printf (_("element <%s>: %s=\"%s\" is not one of: %s"),
                              rule->element, rule->attribute, shown, rule->choices);
    case RULE_IDENTIFIER:
      if (is_identifier (value))
        return NULL;
      return g_strdup_printf (_("element <%s>: %s=\"%s\" is not an id of 1 to 64 letters, "
                                "digits, “.”, “_” or “-”"),
                              rule->element, rule->attribute, shown);
    case RULE_LEVER_ID:
      if (is_lever_id (value))
        return NULL;
      if (strlen (value) > rule->max)
        return g_strdup_printf (_("element <%s>: %s=\"%s\" is %zu characters long; a lever id "
                                  "has at most %d"),
                                rule->element, rule->attribute, shown, strlen (value),
                                (int) rule->max);
      return g_strdup_printf (_("element <%s>: %s=\"%s\" is not a lever id (lower-case "
                                "letters, digits and “_”, in parts joined by “.”, such as "
                                "fund.size_busd)"),
                              rule->element, rule->attribute, shown);
    case RULE_LEVER_VALUE:
      return explain_lever_value (node, value, shown);
    case RULE_TEXT:
    default:
      g_assert_not_reached ();
    }
}

/* The first value the rules refuse in the tree under `node`, depth first; for when libxml2
 * does not say which node it refused. */
static char *
explain_values_below (xmlNode  *node,
                      xmlNode **out_node)
{
  for (; node != NULL; node = node->next)
    {
      char *why;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (value_rules); i++)
        if (lode_xml_is_element (node, value_rules[i].element) &&
            (why = explain_rule (node, &value_rules[i])) != NULL)
          {
            *out_node = node;
            return why;
          }
      if ((why = explain_values_below (node->children, out_node)) != NULL)
        return why;
    }
  return NULL;
}

/* The first value the rules refuse on `node` or, since libxml2 sometimes blames a child for
 * its parent's attributes, on one of its ancestors. */
static char *
explain_values (xmlNode  *node,
                xmlNode **out_node)
{
  for (; node != NULL && node->type == XML_ELEMENT_NODE; node = node->parent)
    {
      for (guint i = 0; i < G_N_ELEMENTS (value_rules); i++)
        {
          char *why;

          if (!lode_xml_is_element (node, value_rules[i].element))
            continue;
          why = explain_rule (node, &value_rules[i]);
          if (why != NULL)
            {
              *out_node = node;
              return why;
            }
        }
    }
  return NULL;
}

static gboolean explain_lever (xmlNode     *lever,
                               const char  *name,
                               GError     **error);

/* The schema's verdict in the words of the element, attribute and value it is about. */
static void
explain_invalid (const LodeXmlProblem  *problem,
                 xmlDoc                *doc,
                 const char            *name,
                 GError               **error)
{
  xmlNode *node = problem->node;
  xmlNode *culprit = NULL;
  g_autofree char *why = NULL;
  g_autofree char *element = NULL;

  /* A lever whose value is the problem: explain it in the lever's own words. */
  if (lode_xml_is_element (node, "lever") && !explain_lever (node, name, error))
    return;

  why = node != NULL ? explain_values (node, &culprit)
                     : explain_values_below (xmlDocGetRootElement (doc), &culprit);
  if (why != NULL)
    {
      fail (error, LODE_SCENARIO_ERROR_VALUE, name, node_line (culprit), "%s", why);
      return;
    }

  if (problem->element == NULL)
    {
      fail (error, LODE_SCENARIO_ERROR_INVALID, name, problem->line,
            _("the file does not match the scenario format: %s"), problem->message);
      return;
    }

  element = shown_text (problem->element, 64);
  if (strstr (problem->message, "Did not expect element") != NULL)
    fail (error, LODE_SCENARIO_ERROR_INVALID, name, problem->line,
          _("element <%s> is not part of scenario format %d (%s); it may come from a "
            "newer Lodestone, or the file was edited by hand"),
          element, LODE_SCENARIO_FORMAT_VERSION, problem->message);
  else
    fail (error, LODE_SCENARIO_ERROR_INVALID, name, problem->line,
          _("element <%s> does not match the scenario format: %s"), element, problem->message);
}

/* ------------------------------------------------------------------------------------------ */
/* Step 6: building the scenario                                                               */

static char *
get_attr (xmlNode    *node,
          const char *attr)
{
  g_autoptr(LodeXmlChar) value = xmlGetNoNsProp (node, BAD_CAST attr);

  return value != NULL ? g_strdup ((const char *) value) : NULL;
}

static char *
get_text (xmlNode *node)
{
  g_autoptr(LodeXmlChar) value = xmlNodeGetContent (node);

  return g_strdup (value != NULL ? (const char *) value : "");
}

static gboolean
get_bool_attr (xmlNode    *node,
               const char *attr,
               gboolean   *out_value)
{
  g_autofree char *value = get_attr (node, attr);

  if (value == NULL)
    return FALSE;
  *out_value = strcmp (value, "true") == 0;
  return TRUE;
}

static gboolean
get_year_attr (xmlNode     *node,
               const char  *attr,
               int          min,
               int          max,
               const char  *name,
               int         *out_year,
               GError     **error)
{
  g_autofree char *value = get_attr (node, attr);
  double year;

  if (value == NULL || !lode_parse_plain_double (value, &year) || year != floor (year) ||
      year < min || year > max)
    {
      g_autofree char *shown = shown_text (value != NULL ? value : "", 40);

      fail (error, LODE_SCENARIO_ERROR_VALUE, name, node_line (node),
            _("element <%s>: %s=\"%s\" is outside the allowed range %d–%d"),
            (const char *) node->name, attr, shown, min, max);
      return FALSE;
    }
  *out_year = (int) year;
  return TRUE;
}

static gboolean
get_number_attr (xmlNode     *node,
                 const char  *attr,
                 const char  *name,
                 double      *out_value,
                 GError     **error)
{
  g_autofree char *value = get_attr (node, attr);

  if (value == NULL || !lode_parse_plain_double (value, out_value))
    {
      g_autofree char *shown = shown_text (value != NULL ? value : "", 40);

      fail (error, LODE_SCENARIO_ERROR_VALUE, name, node_line (node),
            _("element <%s>: %s=\"%s\" is not a finite plain decimal number"),
            (const char *) node->name, attr, shown);
      return FALSE;
    }
  return TRUE;
}

/* Why `node` breaks the rule for its `attribute`, or NULL if it does not. */
static char *
explain_attribute (xmlNode    *node,
                   const char *attribute)
{
  for (guint i = 0; i < G_N_ELEMENTS (value_rules); i++)
    if (lode_xml_is_element (node, value_rules[i].element) &&
        g_strcmp0 (value_rules[i].attribute, attribute) == 0)
      return explain_rule (node, &value_rules[i]);
  g_return_val_if_reached (NULL);
}

/* Checks one <lever>: the form of its id, that a lever has that id, and its value in the
 * lever's words (a number, not too long, in range, whole where the lever counts). TRUE if
 * all is well. */
static gboolean
explain_lever (xmlNode     *node,
               const char  *name,
               GError     **error)
{
  g_autofree char *id = NULL;
  g_autofree char *why = NULL;

  if ((why = explain_attribute (node, "id")) != NULL)
    {
      fail (error, LODE_SCENARIO_ERROR_VALUE, name, node_line (node), "%s", why);
      return FALSE;
    }
  id = get_attr (node, "id");
  if (!lode_lever_from_id (id, NULL))
    {
      g_autofree char *shown = shown_text (id, 64);

      fail (error, LODE_SCENARIO_ERROR_INVALID, name, node_line (node),
            _("unknown lever “%s”; it may come from a newer Lodestone (this version reads "
              "format %d)"),
            shown, LODE_SCENARIO_FORMAT_VERSION);
      return FALSE;
    }
  if ((why = explain_attribute (node, "value")) != NULL)
    {
      fail (error, LODE_SCENARIO_ERROR_VALUE, name, node_line (node), "%s", why);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_metadata (LodeScenario  *scenario,
               xmlNode       *section,
               const char    *name,
               GError       **error)
{
  for (xmlNode *node = section->children; node != NULL; node = node->next)
    {
      g_autofree char *text = NULL;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      text = get_text (node);

      if (lode_xml_is_element (node, "title"))
        lode_scenario_set_title (scenario, text);
      else if (lode_xml_is_element (node, "author"))
        lode_scenario_set_author (scenario, text);
      else if (lode_xml_is_element (node, "notes"))
        lode_scenario_set_notes (scenario, text);
      else if (lode_xml_is_element (node, "created") ||
               lode_xml_is_element (node, "modified"))
        {
          g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (text, NULL);

          if (time == NULL)
            {
              g_autofree char *shown = shown_text (text, 40);

              fail (error, LODE_SCENARIO_ERROR_VALUE, name, node_line (node),
                    _("element <%s>: “%s” is not a valid ISO 8601 time such as "
                      "2025-11-02T14:03:00Z"),
                    (const char *) node->name, shown);
              return FALSE;
            }
          if (lode_xml_is_element (node, "created"))
            lode_scenario_set_created (scenario, time);
          else
            lode_scenario_set_modified (scenario, time);
        }
    }
  return TRUE;
}

static gboolean
read_dataset (LodeScenario  *scenario,
              xmlNode       *node,
              const char    *name,
              GError       **error)
{
  LodeDataset *dataset = lode_scenario_get_dataset (scenario);
  g_autofree char *id = get_attr (node, "id");

  if (dataset->id != NULL && g_strcmp0 (id, dataset->id) != 0)
    {
      fail (error, LODE_SCENARIO_ERROR_VALUE, name, node_line (node),
            _("element <dataset>: the scenario builds on dataset “%s”, but this Lodestone has "
              "dataset “%s”"),
            id, dataset->id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_levers (LodeScenario  *scenario,
             xmlNode       *section,
             const char    *name,
             GError       **error)
{
  long seen_line[LODE_N_LEVERS] = { 0, };
  double shares[LODE_N_ALLOC];
  gboolean alloc_given = FALSE;
  g_autoptr(GError) local_error = NULL;

  lode_scenario_get_allocation (scenario, shares);

  for (xmlNode *node = section->children; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *text = NULL;
      LodeLever lever;
      double value;

      if (!lode_xml_is_element (node, "lever"))
        continue;
      if (!explain_lever (node, name, error))
        return FALSE;

      id = get_attr (node, "id");
      text = get_attr (node, "value");
      lode_lever_from_id (id, &lever);
      if (!lode_lever_parse (lever, text, &value, NULL))
        g_assert_not_reached ();   /* explain_lever checked it */

      if (seen_line[lever] != 0)
        {
          fail (error, LODE_SCENARIO_ERROR_VALUE, name, node_line (node),
                _("lever %s (%s) is given twice (first on line %ld)"),
                id, lode_lever_label (lever), seen_line[lever]);
          return FALSE;
        }
      seen_line[lever] = MAX (1, node_line (node));

      if (lever >= LODE_LEVER_ALLOC_FIRST && lever < LODE_LEVER_ALLOC_FIRST + LODE_N_ALLOC)
        {
          shares[lever - LODE_LEVER_ALLOC_FIRST] = value;
          alloc_given = TRUE;
        }
      else if (!lode_scenario_set_lever (scenario, lever, value, &local_error))
        {
          fail (error, LODE_SCENARIO_ERROR_VALUE, name, node_line (node), _("lever %s"),
                local_error->message);
          return FALSE;
        }
    }

  if (alloc_given && !lode_scenario_set_allocation (scenario, shares, &local_error))
    {
      long line = 0;

      for (guint i = 0; i < LODE_N_ALLOC; i++)
        line = MAX (line, seen_line[LODE_LEVER_ALLOC_FIRST + i]);
      fail (error, LODE_SCENARIO_ERROR_VALUE, name, line > 0 ? line : node_line (section),
            "%s", local_error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_regions (LodeScenario  *scenario,
              xmlNode       *section,
              const char    *name,
              GError       **error)
{
  LodeDataset *dataset = lode_scenario_get_dataset (scenario);
  long seen_line[LODE_MAX_REGIONS] = { 0, };

  for (xmlNode *node = section->children; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      gboolean flag;
      int index;

      if (!lode_xml_is_element (node, "region"))
        continue;
      id = get_attr (node, "id");
      index = lode_dataset_region_index (dataset, id);
      if (index < 0 || (guint) index >= LODE_MAX_REGIONS)
        {
          g_autoptr(GString) known = g_string_new (NULL);
          g_autofree char *shown = shown_text (id, 64);

          for (guint i = 0; i < dataset->n_regions; i++)
            g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", dataset->regions[i].id);
          fail (error, LODE_SCENARIO_ERROR_VALUE, name, node_line (node),
                _("element <region>: unknown region “%s”; the dataset's regions are %s"),
                shown, known->str);
          return FALSE;
        }
      if (seen_line[index] != 0)
        {
          fail (error, LODE_SCENARIO_ERROR_VALUE, name, node_line (node),
                _("element <region>: region “%s” is given twice (first on line %ld)"),
                id, seen_line[index]);
          return FALSE;
        }
      seen_line[index] = MAX (1, node_line (node));

      if (get_bool_attr (node, "ally", &flag))
        lode_scenario_set_ally (scenario, index, flag);
      if (get_bool_attr (node, "shock-target", &flag))
        lode_scenario_set_shock_target (scenario, index, flag);
    }

  return TRUE;
}

static gboolean
read_projects (LodeScenario  *scenario,
               xmlNode       *section,
               const char    *name,
               GError       **error)
{
  LodeDataset *dataset = lode_scenario_get_dataset (scenario);
  long seen_line[LODE_MAX_PROJECTS] = { 0, };

  for (xmlNode *node = section->children; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      gboolean enabled = TRUE;
      int index;

      if (!lode_xml_is_element (node, "project"))
        continue;
      id = get_attr (node, "id");
      index = lode_dataset_project_index (dataset, id);
      if (index < 0 || (guint) index >= LODE_MAX_PROJECTS)
        {
          g_autofree char *shown = shown_text (id, 64);

          fail (error, LODE_SCENARIO_ERROR_VALUE, name, node_line (node),
                _("element <project>: unknown project “%s”; it is not in dataset “%s”"),
                shown, dataset->id != NULL ? dataset->id : "");
          return FALSE;
        }
      if (seen_line[index] != 0)
        {
          fail (error, LODE_SCENARIO_ERROR_VALUE, name, node_line (node),
                _("element <project>: project “%s” is given twice (first on line %ld)"),
                id, seen_line[index]);
          return FALSE;
        }
      seen_line[index] = MAX (1, node_line (node));

      get_bool_attr (node, "enabled", &enabled);
      lode_scenario_set_project_enabled (scenario, index, enabled);
    }

  return TRUE;
}

static gboolean
read_user_projects (LodeScenario  *scenario,
                    xmlNode       *section,
                    const char    *name,
                    GError       **error)
{
  LodeDataset *dataset = lode_scenario_get_dataset (scenario);

  for (xmlNode *node = section->children; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *stage = NULL;
      g_autofree char *region = NULL;
      g_autofree char *project_name = NULL;
      g_autofree char *note = NULL;
      g_autoptr(GError) local_error = NULL;
      LodeProject project = { 0, };
      int region_index;

      if (!lode_xml_is_element (node, "user-project"))
        continue;

      id = get_attr (node, "id");
      stage = get_attr (node, "stage");
      region = get_attr (node, "region");
      for (xmlNode *child = node->children; child != NULL; child = child->next)
        {
          if (lode_xml_is_element (child, "name"))
            {
              g_free (project_name);
              project_name = get_text (child);
            }
          else if (lode_xml_is_element (child, "note"))
            {
              g_free (note);
              note = get_text (child);
            }
        }

      if (!lode_stage_from_id (stage, &project.stage))
        {
          g_autofree char *shown_id = shown_text (id, 64);
          g_autofree char *shown = shown_text (stage, 64);

          fail (error, LODE_SCENARIO_ERROR_VALUE, name, node_line (node),
                _("user project “%s”: unknown stage “%s”"), shown_id, shown);
          return FALSE;
        }
      region_index = lode_dataset_region_index (dataset, region);
      if (region_index < 0)
        {
          g_autofree char *shown_id = shown_text (id, 64);
          g_autofree char *shown = shown_text (region, 64);

          fail (error, LODE_SCENARIO_ERROR_VALUE, name, node_line (node),
                _("user project “%s”: unknown region “%s”"), shown_id, shown);
          return FALSE;
        }
      if (!get_number_attr (node, "capacity", name, &project.capacity.value, error) ||
          !get_number_attr (node, "capex-musd", name, &project.capex_musd.value, error) ||
          !get_year_attr (node, "online-year", LODE_BASE_YEAR, LODE_MAX_HORIZON, name,
                          &project.online_year, error))
        return FALSE;

      project.id = id;
      project.name = project_name;
      project.note = note;
      project.region = region_index;
      project.capacity.basis = LODE_BASIS_ESTIMATE;
      project.capex_musd.basis = LODE_BASIS_ESTIMATE;

      if (!lode_scenario_add_user_project (scenario, &project, &local_error))
        {
          fail (error, LODE_SCENARIO_ERROR_VALUE, name, node_line (node), "%s",
                local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_view (LodeScenario  *scenario,
           xmlNode       *node,
           const char    *name,
           GError       **error)
{
  g_autofree char *year_text = get_attr (node, "selected-year");
  g_autofree char *chart = get_attr (node, "chart");
  g_autofree char *material = get_attr (node, "material");
  int year;

  if (year_text != NULL)
    {
      if (!get_year_attr (node, "selected-year", LODE_BASE_YEAR, LODE_MAX_HORIZON, name,
                          &year, error))
        return FALSE;
      lode_scenario_set_selected_year (scenario, year);
    }
  if (chart != NULL)
    lode_scenario_set_chart (scenario, chart);
  if (material != NULL)
    lode_scenario_set_material (scenario, material);
  return TRUE;
}

static LodeScenario *
build_scenario (LodeDataset  *dataset,
                xmlDoc       *doc,
                const char   *name,
                GError      **error)
{
  g_autoptr(LodeScenario) scenario = lode_scenario_new (dataset);
  xmlNode *root = xmlDocGetRootElement (doc);

  /* Metadata absent from the file stays empty rather than taking the "Untitled" default. */
  lode_scenario_set_title (scenario, "");

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      gboolean ok = TRUE;

      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (lode_xml_is_element (node, "metadata"))
        ok = read_metadata (scenario, node, name, error);
      else if (lode_xml_is_element (node, "dataset"))
        ok = read_dataset (scenario, node, name, error);
      else if (lode_xml_is_element (node, "horizon"))
        {
          g_autoptr(GError) local_error = NULL;
          int horizon;

          ok = get_year_attr (node, "year", LODE_SCENARIO_MIN_HORIZON, LODE_MAX_HORIZON, name,
                              &horizon, error);
          if (ok && !lode_scenario_set_horizon (scenario, horizon, &local_error))
            {
              fail (error, LODE_SCENARIO_ERROR_VALUE, name, node_line (node),
                    _("element <horizon>: %s"), local_error->message);
              ok = FALSE;
            }
        }
      else if (lode_xml_is_element (node, "levers"))
        ok = read_levers (scenario, node, name, error);
      else if (lode_xml_is_element (node, "regions"))
        ok = read_regions (scenario, node, name, error);
      else if (lode_xml_is_element (node, "projects"))
        ok = read_projects (scenario, node, name, error);
      else if (lode_xml_is_element (node, "user-projects"))
        ok = read_user_projects (scenario, node, name, error);
      else if (lode_xml_is_element (node, "view"))
        ok = read_view (scenario, node, name, error);

      if (!ok)
        return NULL;
    }

  return g_steal_pointer (&scenario);
}

/* ------------------------------------------------------------------------------------------ */
/* Public: loading                                                                             */

static const LodeXmlLimits scenario_limits = {
  .max_bytes = LODE_SCENARIO_MAX_BYTES,
  .max_depth = LODE_SCENARIO_MAX_DEPTH,
  .max_elements = LODE_SCENARIO_MAX_ELEMENTS,
  .max_attributes = LODE_SCENARIO_MAX_ATTRIBUTES,
  .max_namespaces = LODE_SCENARIO_MAX_NAMESPACES,
  .max_markup = LODE_SCENARIO_MAX_MARKUP,
  .max_field_bytes = LODE_SCENARIO_MAX_FIELD_BYTES,
  .schema_resource = LODE_SCENARIO_SCHEMA_RESOURCE,
};

static const int problem_codes[] = {
  [LODE_XML_PROBLEM_IO] = LODE_SCENARIO_ERROR_IO,
  [LODE_XML_PROBLEM_TOO_LARGE] = LODE_SCENARIO_ERROR_TOO_LARGE,
  [LODE_XML_PROBLEM_MALFORMED] = LODE_SCENARIO_ERROR_MALFORMED,
  [LODE_XML_PROBLEM_FORBIDDEN] = LODE_SCENARIO_ERROR_FORBIDDEN,
  [LODE_XML_PROBLEM_INVALID] = LODE_SCENARIO_ERROR_INVALID,
};

static void
fail_with_problem (GError               **error,
                   const char            *name,
                   const LodeXmlProblem  *problem)
{
  fail (error, problem_codes[problem->kind], name, problem->line, "%s", problem->message);
}

/* `validate`: FALSE only for the built-in presets, which the tests validate at build time
 * (test-scenario-io.c and the 'preset-*' data tests). */
static LodeScenario *
load_bytes (LodeDataset  *dataset,
            GBytes       *bytes,
            const char   *name,
            gboolean      validate,
            GError      **error)
{
  g_auto(LodeXmlProblem) problem = { 0, };
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(LodeScenario) scenario = NULL;
  int version = LODE_SCENARIO_FORMAT_VERSION;

  doc = lode_xml_parse (&scenario_limits, bytes, &problem);
  if (doc == NULL)
    {
      fail_with_problem (error, name, &problem);
      return NULL;
    }

  if (!check_root (doc, name, &version, error))
    return NULL;

  if (validate && !lode_xml_validate (&scenario_limits, doc, &problem))
    {
      if (problem.kind == LODE_XML_PROBLEM_INVALID)
        explain_invalid (&problem, doc, name, error);
      else
        fail_with_problem (error, name, &problem);
      return NULL;
    }

  scenario = build_scenario (dataset, doc, name, error);
  if (scenario != NULL && version < LODE_SCENARIO_FORMAT_VERSION)
    lode_scenario_set_migrated_from (scenario, version);
  return g_steal_pointer (&scenario);
}

LodeScenario *
lode_scenario_load_from_bytes (LodeDataset  *dataset,
                               GBytes       *bytes,
                               const char   *name_for_errors,
                               GError      **error)
{
  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_bytes (dataset, bytes, name_for_errors != NULL ? name_for_errors : _("scenario"),
                     TRUE, error);
}

LodeScenario *
lode_scenario_load_from_file (LodeDataset   *dataset,
                              GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_auto(LodeXmlProblem) problem = { 0, };
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  bytes = lode_xml_read_file (file, LODE_SCENARIO_MAX_BYTES, cancellable, &problem);
  if (bytes == NULL)
    {
      fail_with_problem (error, name, &problem);
      return NULL;
    }

  return lode_scenario_load_from_bytes (dataset, bytes, name, error);
}

const char * const *
lode_scenario_preset_ids (void)
{
  return lode_preset_ids ();
}

LodeScenario *
lode_scenario_load_preset (LodeDataset  *dataset,
                           const char   *preset_id,
                           GError      **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (preset_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (lode_preset_find (preset_id) == NULL)
    {
      g_autofree char *known = g_strjoinv (", ", (char **) lode_preset_ids ());
      g_autofree char *shown = shown_text (preset_id, 64);

      g_set_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_IO,
                   _("There is no preset scenario “%s”; the presets are %s"), shown, known);
      return NULL;
    }

  path = g_strdup_printf (PRESET_RESOURCE, preset_id);
  name = g_strdup_printf ("%s.lodestone", preset_id);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      fail (error, LODE_SCENARIO_ERROR_IO, name, 0, _("the preset is missing: %s"),
            local_error->message);
      return NULL;
    }

  /* Built in: no schema is compiled at start-up (see load_bytes()). */
  return load_bytes (dataset, bytes, name, FALSE, error);
}
