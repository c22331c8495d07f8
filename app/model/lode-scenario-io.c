/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-scenario-io.c — reading scenario files safely and writing them atomically.
 *
 * Loading is a pipeline of checks, each of which stops at the first problem with a message
 * that names the file and the line:
 *   1. size limit (read into memory by us, never by libxml2);
 *   2. UTF-8 check and a lexical pre-scan: any "<!" markup other than a comment or CDATA (a
 *      DOCTYPE and with it every entity declaration) is refused, and so is nesting deeper than
 *      LODE_SCENARIO_MAX_DEPTH — before libxml2 sees a byte;
 *   3. xmlReadMemory with safe options behind a deny-all external entity loader, and a
 *      second, tree-level check for DTDs, entity references and depth (defence in depth);
 *   4. root element, namespace and format-version (newer: refused plainly; older: migrated);
 *   5. RELAX NG validation against the schema compiled into the model's resources;
 *   6. semantic checks while building the scenario (ids, ranges, duplicates, allocation).
 */
#define G_LOG_DOMAIN "lode-scenario-io"

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/xmlerror.h>

#include "lode-allocation.h"
#include "lode-presets.h"
#include "lode-scenario-io.h"
#include "lode-xml-private.h"

#define NS_PREFIX         "https://lodestone.github.io/ns/scenario/"
#define PRESET_RESOURCE   "/io/github/lodestone/Lodestone/data/scenarios/%s.lodestone"
#define READ_CHUNK        (64 * 1024)
#define PARSE_OPTIONS     (LODE_XML_PARSE_OPTIONS | XML_PARSE_BIG_LINES)

G_DEFINE_QUARK (lode-scenario-error-quark, lode_scenario_error)

/* Format 0 was the draft format of Lodestone 0.0.x: the same elements without a namespace,
 * and two levers under older ids. Migration renames them (see docs/scenario-format.md). */
static const struct
{
  const char *old_id;
  const char *new_id;
} format0_renames[] = {
  { "market.demand_growth", "market.demand_growth_pct" },
  { "policy.permitting_cut", "policy.permitting_cut_years" },
};

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

/* Text from the file as it may appear in a message: valid UTF-8, at most `max_chars`
 * characters (an ellipsis marks a cut). */
static char *
shown_text (const char *text,
            glong       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  if (g_utf8_strlen (valid, -1) <= max_chars)
    return g_steal_pointer (&valid);
  return g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (valid, max_chars) - valid),
                          valid);
}

static long
node_line (xmlNode *node)
{
  return node != NULL ? xmlGetLineNo (node) : 0;
}

/* libxml2's English message, one line, without the trailing newline. */
static char *
libxml_message (const xmlError *err)
{
  g_autofree char *message = NULL;

  if (err == NULL || err->message == NULL)
    return g_strdup (_("unknown error"));
  message = g_utf8_make_valid (err->message, -1);
  return g_strstrip (g_strdelimit (g_steal_pointer (&message), "\n", ' '));
}

/* ------------------------------------------------------------------------------------------ */
/* libxml2 set-up: deny-all entity loader, the compiled schema                                  */

static xmlParserInputPtr
deny_entity_loader (const char       *url,
                    const char       *id,
                    xmlParserCtxtPtr  ctxt)
{
  /* Never load anything from outside the document: no file, no network. */
  return NULL;
}

static void
ensure_libxml (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (deny_entity_loader);
      g_once_init_leave (&initialised, 1);
    }
}

static void
collect_schema_error_cb (void            *user_data,
                         LodeXmlErrorArg  err)
{
  GString *messages = user_data;

  if (messages->len == 0 && err != NULL && err->message != NULL)
    g_string_append (messages, err->message);
}

static xmlRelaxNG *
compile_schema (char **out_message)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(xmlRelaxNGParserCtxt) ctxt = NULL;
  g_autoptr(GString) messages = g_string_new (NULL);
  xmlRelaxNG *schema;
  gconstpointer data;
  gsize size;

  bytes = g_resources_lookup_data (LODE_SCENARIO_SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                   &local_error);
  if (bytes == NULL)
    {
      *out_message = g_strdup (local_error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &size);
  ctxt = xmlRelaxNGNewMemParserCtxt (data, (int) size);
  if (ctxt == NULL)
    {
      *out_message = g_strdup (_("out of memory"));
      return NULL;
    }
  xmlRelaxNGSetParserStructuredErrors (ctxt, collect_schema_error_cb, messages);
  schema = xmlRelaxNGParse (ctxt);
  if (schema == NULL)
    *out_message = g_strdup (messages->len > 0 ? messages->str : _("the schema does not compile"));
  return schema;
}

/* The schema is compiled once per process and shared: a compiled xmlRelaxNG is read-only
 * during validation, each validation has its own context. */
static xmlRelaxNG *
get_schema (GError **error)
{
  static gsize schema_once = 0;
  static xmlRelaxNG *schema = NULL;
  static char *schema_error = NULL;

  if (g_once_init_enter (&schema_once))
    {
      schema = compile_schema (&schema_error);
      g_once_init_leave (&schema_once, 1);
    }

  if (schema == NULL)
    g_set_error (error, LODE_SCENARIO_ERROR, LODE_SCENARIO_ERROR_IO,
                 _("The scenario schema %s cannot be loaded: %s"),
                 LODE_SCENARIO_SCHEMA_RESOURCE, schema_error);
  return schema;
}

/* ------------------------------------------------------------------------------------------ */
/* Step 2: encoding and lexical pre-scan                                                       */

static long
count_lines (const char *start,
             const char *end)
{
  long lines = 0;

  for (const char *p = start; p < end; p++)
    if (*p == '\n')
      lines++;
  return lines;
}

static const char *
find_bytes (const char *haystack,
            const char *end,
            const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = haystack; p + n <= end; p++)
    {
      p = memchr (p, needle[0], end - p);
      if (p == NULL || p + n > end)
        return NULL;
      if (memcmp (p, needle, n) == 0)
        return p;
    }
  return NULL;
}

static gboolean
prescan (const char  *data,
         gsize        len,
         const char  *name,
         GError     **error)
{
  const char *invalid = NULL;
  const char *end = data + len;
  const char *p = data;
  long line = 1;
  int depth = 0;

  if (!g_utf8_validate_len (data, len, &invalid))
    {
      fail (error, LODE_SCENARIO_ERROR_MALFORMED, name, 1 + count_lines (data, invalid),
            _("the file is not valid UTF-8 text (byte %lu is not part of a "
              "UTF-8 character, or is a NUL byte); scenario files are UTF-8 XML"),
            (unsigned long) (invalid - data));
      return FALSE;
    }

  /* Walk the markup. On anything unterminated, stop: the parser will report it. */
  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);
      const char *close;

      if (lt == NULL)
        break;
      line += count_lines (p, lt);
      p = lt;

      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          close = find_bytes (p + 4, end, "-->");
          if (close == NULL)
            break;
          line += count_lines (p, close);
          p = close + 3;
        }
      else if (end - p >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
        {
          close = find_bytes (p + 9, end, "]]>");
          if (close == NULL)
            break;
          line += count_lines (p, close);
          p = close + 3;
        }
      else if (end - p >= 2 && p[1] == '!')
        {
          static const char * const declarations[] = {
            "DOCTYPE", "ENTITY", "ELEMENT", "ATTLIST", "NOTATION",
          };

          for (guint i = 0; i < G_N_ELEMENTS (declarations); i++)
            {
              gsize n = strlen (declarations[i]);

              if ((gsize) (end - p - 2) >= n && memcmp (p + 2, declarations[i], n) == 0)
                {
                  fail (error, LODE_SCENARIO_ERROR_FORBIDDEN, name, line,
                        _("the file contains a document type or entity declaration "
                          "(“<!%s”); scenario files may not declare a DTD or entities, and "
                          "Lodestone never expands them"),
                        declarations[i]);
                  return FALSE;
                }
            }
          /* Any other "<!" is not XML: the parser reports it, before it reads further. */
          break;
        }
      else if (end - p >= 2 && p[1] == '?')
        {
          close = find_bytes (p + 2, end, "?>");
          if (close == NULL)
            break;
          line += count_lines (p, close);
          p = close + 2;
        }
      else
        {
          gboolean is_end_tag = end - p >= 2 && p[1] == '/';
          const char *q = p + 1;
          char quote = 0;

          /* Find the '>' that closes the tag, skipping quoted attribute values. */
          for (; q < end; q++)
            {
              if (quote != 0)
                {
                  if (*q == quote)
                    quote = 0;
                }
              else if (*q == '"' || *q == '\'')
                quote = *q;
              else if (*q == '>')
                break;
            }
          if (q >= end)
            break;

          if (is_end_tag)
            depth = MAX (0, depth - 1);
          else if (q[-1] != '/')
            {
              depth++;
              if (depth > LODE_SCENARIO_MAX_DEPTH)
                {
                  fail (error, LODE_SCENARIO_ERROR_MALFORMED, name, line,
                        _("elements are nested more than %d levels deep"),
                        LODE_SCENARIO_MAX_DEPTH);
                  return FALSE;
                }
            }
          line += count_lines (p, q);
          p = q + 1;
        }
    }

  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Step 3: parsing, and tree checks                                                            */

static gboolean
is_entity_error (int code)
{
  switch (code)
    {
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_ENTITY_BOUNDARY:
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_EXT_ENTITY_STANDALONE:
    case XML_ERR_ENTITY_IS_EXTERNAL:
    case XML_ERR_ENTITY_IS_PARAMETER:
    case XML_ERR_UNPARSED_ENTITY:
    case XML_ERR_ENTITY_PE_INTERNAL:
    case XML_ERR_NOT_STANDALONE:
    case XML_IO_LOAD_ERROR:
    case XML_ERR_DOCTYPE_NOT_FINISHED:
      return TRUE;
    default:
      return FALSE;
    }
}

static xmlDoc *
parse (const char  *data,
       gsize        len,
       const char  *name,
       GError     **error)
{
  xmlDoc *doc;

  xmlResetLastError ();
  /* The bytes are known to be UTF-8: say so, whatever the XML declaration claims. */
  doc = xmlReadMemory (data, (int) len, NULL, "UTF-8", PARSE_OPTIONS);
  if (doc == NULL)
    {
      const xmlError *err = xmlGetLastError ();
      g_autofree char *detail = libxml_message (err);
      long line = err != NULL ? err->line : 0;

      if (err != NULL && is_entity_error (err->code))
        fail (error, LODE_SCENARIO_ERROR_FORBIDDEN, name, line,
              _("the file uses entities, which scenario files may not use (%s)"), detail);
      else if (len == 0)
        fail (error, LODE_SCENARIO_ERROR_MALFORMED, name, 0, _("the file is empty"));
      else
        fail (error, LODE_SCENARIO_ERROR_MALFORMED, name, line,
              _("the file is not well-formed XML: %s"), detail);
      return NULL;
    }
  xmlResetLastError ();

  return doc;
}

static gboolean
check_tree (xmlNode     *node,
            int          depth,
            const char  *name,
            GError     **error)
{
  for (; node != NULL; node = node->next)
    {
      switch (node->type)
        {
        case XML_ENTITY_REF_NODE:
        case XML_ENTITY_NODE:
        case XML_ENTITY_DECL:
        case XML_DTD_NODE:
          fail (error, LODE_SCENARIO_ERROR_FORBIDDEN, name, node_line (node),
                _("the file uses entities, which scenario files may not use"));
          return FALSE;
        case XML_ELEMENT_NODE:
          if (depth > LODE_SCENARIO_MAX_DEPTH)
            {
              fail (error, LODE_SCENARIO_ERROR_MALFORMED, name, node_line (node),
                    _("elements are nested more than %d levels deep"), LODE_SCENARIO_MAX_DEPTH);
              return FALSE;
            }
          if (!check_tree (node->children, depth + 1, name, error))
            return FALSE;
          break;
        default:
          break;
        }
    }
  return TRUE;
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

static void
set_namespace_recursive (xmlNode *node,
                         xmlNs   *ns)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (node->ns == NULL)
        xmlSetNs (node, ns);
      set_namespace_recursive (node->children, ns);
    }
}

/* Format 0 → 1: put every element in the namespace and rename the levers that changed id. */
static void
migrate_format0 (xmlNode *root)
{
  xmlNs *ns = root->ns;

  if (ns == NULL)
    ns = xmlNewNs (root, BAD_CAST LODE_SCENARIO_NAMESPACE, NULL);
  set_namespace_recursive (root, ns);

  for (xmlNode *section = root->children; section != NULL; section = section->next)
    {
      if (section->type != XML_ELEMENT_NODE || !xmlStrEqual (section->name, BAD_CAST "levers"))
        continue;
      for (xmlNode *lever = section->children; lever != NULL; lever = lever->next)
        {
          g_autoptr(LodeXmlChar) id = NULL;

          if (lever->type != XML_ELEMENT_NODE)
            continue;
          id = xmlGetProp (lever, BAD_CAST "id");
          for (guint i = 0; id != NULL && i < G_N_ELEMENTS (format0_renames); i++)
            {
              if (xmlStrEqual (id, BAD_CAST format0_renames[i].old_id))
                xmlSetProp (lever, BAD_CAST "id", BAD_CAST format0_renames[i].new_id);
            }
        }
    }

  xmlSetProp (root, BAD_CAST "format-version", BAD_CAST G_STRINGIFY (LODE_SCENARIO_FORMAT_VERSION));
}

static gboolean
check_root (xmlDoc      *doc,
            const char  *name,
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
          migrate_format0 (root);
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
    migrate_format0 (root);

  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Step 5: RELAX NG                                                                            */

typedef struct
{
  char    *message;
  xmlNode *node;
  long     line;
} SchemaError;

static void
schema_error_cb (void            *user_data,
                 LodeXmlErrorArg  err)
{
  SchemaError *first = user_data;

  if (first->message != NULL || err == NULL)
    return;
  first->message = libxml_message (err);
  first->node = err->node;
  first->line = err->line;
}

static gboolean explain_lever (xmlNode     *lever,
                               const char  *name,
                               GError     **error);

static gboolean
validate (xmlDoc      *doc,
          const char  *name,
          GError     **error)
{
  g_autoptr(xmlRelaxNGValidCtxt) ctxt = NULL;
  SchemaError first = { NULL, NULL, 0 };
  xmlRelaxNG *schema;
  long line;
  int result;

  schema = get_schema (error);
  if (schema == NULL)
    return FALSE;

  ctxt = xmlRelaxNGNewValidCtxt (schema);
  if (ctxt == NULL)
    {
      fail (error, LODE_SCENARIO_ERROR_IO, name, 0, _("out of memory"));
      return FALSE;
    }
  xmlRelaxNGSetValidStructuredErrors (ctxt, schema_error_cb, &first);
  result = xmlRelaxNGValidateDoc (ctxt, doc);
  if (result == 0)
    {
      g_free (first.message);
      return TRUE;
    }

  line = first.node != NULL ? node_line (first.node) : first.line;

  /* A lever whose value is the problem: explain it in the lever's own words. */
  if (first.node != NULL && first.node->type == XML_ELEMENT_NODE &&
      xmlStrEqual (first.node->name, BAD_CAST "lever") && !explain_lever (first.node, name, error))
    {
      g_free (first.message);
      return FALSE;
    }

  if (first.node != NULL && first.node->type == XML_ELEMENT_NODE)
    {
      g_autofree char *element = shown_text ((const char *) first.node->name, 64);

      if (first.message != NULL && strstr (first.message, "Did not expect element") != NULL)
        fail (error, LODE_SCENARIO_ERROR_INVALID, name, line,
              _("element <%s> is not part of scenario format %d (%s); it may come from a "
                "newer Lodestone, or the file was edited by hand"),
              element, LODE_SCENARIO_FORMAT_VERSION, first.message);
      else
        fail (error, LODE_SCENARIO_ERROR_INVALID, name, line,
              _("element <%s> does not match the scenario format: %s"),
              element, first.message != NULL ? first.message : _("invalid"));
    }
  else
    {
      fail (error, LODE_SCENARIO_ERROR_INVALID, name, line,
            _("the file does not match the scenario format: %s"),
            first.message != NULL ? first.message : _("invalid"));
    }

  g_free (first.message);
  return FALSE;
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

/* Checks one <lever>; TRUE if its id is known and its value parses and is in range. */
static gboolean
explain_lever (xmlNode     *node,
               const char  *name,
               GError     **error)
{
  g_autofree char *id = get_attr (node, "id");
  g_autofree char *value = get_attr (node, "value");
  g_autoptr(GError) lever_error = NULL;
  LodeLever lever;

  if (id == NULL || !lode_lever_from_id (id, &lever))
    {
      g_autofree char *shown = shown_text (id != NULL ? id : "", 64);

      fail (error, LODE_SCENARIO_ERROR_INVALID, name, node_line (node),
            _("unknown lever “%s”; it may come from a newer Lodestone (this version reads "
              "format %d)"),
            shown, LODE_SCENARIO_FORMAT_VERSION);
      return FALSE;
    }
  if (!lode_lever_parse (lever, value, NULL, &lever_error))
    {
      fail (error, LODE_SCENARIO_ERROR_VALUE, name, node_line (node), _("lever %s"),
            lever_error->message);
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

LodeScenario *
lode_scenario_load_from_bytes (LodeDataset  *dataset,
                               GBytes       *bytes,
                               const char   *name_for_errors,
                               GError      **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  const char *data;
  const char *name;
  gsize len;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ensure_libxml ();
  name = name_for_errors != NULL ? name_for_errors : _("scenario");
  data = g_bytes_get_data (bytes, &len);

  if (len > LODE_SCENARIO_MAX_BYTES)
    {
      fail (error, LODE_SCENARIO_ERROR_TOO_LARGE, name, 0,
            _("the file is larger than %d MiB, the most a scenario file may be"),
            LODE_SCENARIO_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (len == 0 || data == NULL)
    {
      fail (error, LODE_SCENARIO_ERROR_MALFORMED, name, 0, _("the file is empty"));
      return NULL;
    }

  if (!prescan (data, len, name, error))
    return NULL;

  doc = parse (data, len, name, error);
  if (doc == NULL)
    return NULL;

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      fail (error, LODE_SCENARIO_ERROR_FORBIDDEN, name, 0,
            _("the file contains a document type declaration; scenario files may not "
              "declare a DTD or entities"));
      return NULL;
    }
  if (!check_tree (doc->children, 1, name, error))
    return NULL;

  if (!check_root (doc, name, error))
    return NULL;

  if (!validate (doc, name, error))
    return NULL;

  return build_scenario (dataset, doc, name, error);
}

/* Reads at most LODE_SCENARIO_MAX_BYTES + 1 bytes, so a huge file is refused without reading
 * all of it. */
static GBytes *
read_limited (GFile         *file,
              const char    *name,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      fail (error, LODE_SCENARIO_ERROR_IO, name, 0, _("cannot open the file: %s"),
            local_error->message);
      return NULL;
    }

  for (;;)
    {
      gsize old_len = buffer->len;
      gsize got = 0;

      g_byte_array_set_size (buffer, old_len + READ_CHUNK);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer->data + old_len, READ_CHUNK,
                                    &got, cancellable, &local_error))
        {
          fail (error, LODE_SCENARIO_ERROR_IO, name, 0, _("cannot read the file: %s"),
                local_error->message);
          return NULL;
        }
      g_byte_array_set_size (buffer, old_len + got);

      if (buffer->len > LODE_SCENARIO_MAX_BYTES)
        {
          fail (error, LODE_SCENARIO_ERROR_TOO_LARGE, name, 0,
                _("the file is larger than %d MiB, the most a scenario file may be"),
                LODE_SCENARIO_MAX_BYTES / (1024 * 1024));
          return NULL;
        }
      if (got < READ_CHUNK)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

LodeScenario *
lode_scenario_load_from_file (LodeDataset   *dataset,
                              GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  bytes = read_limited (file, name, cancellable, error);
  if (bytes == NULL)
    return NULL;

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

  return lode_scenario_load_from_bytes (dataset, bytes, name, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Public: saving                                                                              */

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

GBytes *
lode_scenario_to_bytes (LodeScenario *scenario)
{
  LodeDataset *dataset;
  GString *out;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

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

  /* Metadata */
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

  /* Dataset and horizon */
  g_string_append (out, "  <dataset id=\"");
  append_escaped (out, dataset->id != NULL ? dataset->id : "none", TRUE);
  g_string_append (out, "\" version=\"");
  append_escaped (out, dataset->version != NULL ? dataset->version : "0", TRUE);
  g_string_append (out, "\"/>\n");
  g_string_append_printf (out, "  <horizon year=\"%d\"/>\n", lode_scenario_get_horizon (scenario));

  /* Levers, one per line */
  g_string_append (out, "  <levers>\n");
  for (guint i = 0; i < LODE_N_LEVERS; i++)
    {
      g_string_append_printf (out, "    <lever id=\"%s\" value=\"%s\"/>\n",
                              lode_lever_info ((LodeLever) i)->id,
                              format_number (number, sizeof number,
                                             lode_scenario_get_lever (scenario, (LodeLever) i)));
    }
  g_string_append (out, "  </levers>\n");

  /* Regions: ally flags and export-shock targets */
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

  /* Announced projects */
  g_string_append (out, "  <projects>\n");
  for (guint i = 0; i < dataset->n_projects && i < LODE_MAX_PROJECTS; i++)
    {
      g_string_append (out, "    <project id=\"");
      append_escaped (out, dataset->projects[i].id, TRUE);
      g_string_append_printf (out, "\" enabled=\"%s\"/>\n",
                              lode_scenario_get_project_enabled (scenario, i) ? "true" : "false");
    }
  g_string_append (out, "  </projects>\n");

  /* User projects */
  g_string_append (out, "  <user-projects>\n");
  for (guint i = 0; i < lode_scenario_get_n_user_projects (scenario); i++)
    {
      const LodeProject *project = lode_scenario_get_user_project (scenario, i);
      char capex[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, "    <user-project id=\"");
      append_escaped (out, project->id, TRUE);
      g_string_append_printf (out, "\" stage=\"%s\" region=\"", lode_stage_id (project->stage));
      append_escaped (out, dataset->regions[project->region].id, TRUE);
      g_string_append_printf (out,
                              "\"\n                  capacity=\"%s\" online-year=\"%d\" "
                              "capex-musd=\"%s\">\n",
                              format_number (number, sizeof number, project->capacity.value),
                              project->online_year,
                              format_number (capex, sizeof capex, project->capex_musd.value));
      append_text_element (out, "      ", "name", project->name);
      if (project->note != NULL)
        append_text_element (out, "      ", "note", project->note);
      g_string_append (out, "    </user-project>\n");
    }
  g_string_append (out, "  </user-projects>\n");

  /* View */
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

  g_string_append (out, "</scenario>\n");

  return g_string_free_to_bytes (out);
}

/* Follows symbolic links (at most a few levels), so saving through a link replaces the file it
 * points to rather than the link itself. */
static GFile *
resolve_links (GFile        *file,
               GCancellable *cancellable)
{
  g_autoptr(GFile) current = g_object_ref (file);

  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GFile) parent = NULL;
      const char *target;

      info = g_file_query_info (current,
                                G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK ","
                                G_FILE_ATTRIBUTE_STANDARD_SYMLINK_TARGET,
                                G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
      if (info == NULL || !g_file_info_get_is_symlink (info))
        break;
      target = g_file_info_get_symlink_target (info);
      parent = g_file_get_parent (current);
      if (target == NULL || parent == NULL)
        break;
      g_object_unref (current);
      current = g_file_resolve_relative_path (parent, target);
    }

  return g_steal_pointer (&current);
}

/* Writes `bytes` to a temporary file beside `file` and renames it over `file` only once every
 * byte is written and the file closed.
 *
 * g_file_replace_contents() is not enough on GLib 2.74: after a failed write it still closes
 * the stream, which renames the partial temporary file over the old one; and with
 * G_FILE_CREATE_NONE it falls back to rewriting the old file in place when it cannot create a
 * temporary file (a read-only folder). So: G_FILE_CREATE_REPLACE_DESTINATION (always a
 * temporary file, or an error), and on any failure a close with a cancelled GCancellable,
 * which removes the temporary file and leaves the old one alone. The old file's permissions
 * are carried over. */
static gboolean
replace_atomically (GFile         *file,
                    GBytes        *bytes,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFile) target = resolve_links (file, cancellable);
  g_autoptr(GFileInfo) old_info = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  gsize written = 0;

  old_info = g_file_query_info (target, G_FILE_ATTRIBUTE_UNIX_MODE, G_FILE_QUERY_INFO_NONE,
                                cancellable, NULL);

  stream = g_file_replace (target, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), &written, cancellable, error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    return FALSE;

  if (old_info != NULL &&
      g_file_info_has_attribute (old_info, G_FILE_ATTRIBUTE_UNIX_MODE))
    {
      guint32 mode = g_file_info_get_attribute_uint32 (old_info, G_FILE_ATTRIBUTE_UNIX_MODE);

      /* Best effort: the contents are saved whatever happens here. */
      g_file_set_attribute_uint32 (target, G_FILE_ATTRIBUTE_UNIX_MODE, mode & 07777,
                                   G_FILE_QUERY_INFO_NONE, cancellable, NULL);
    }

  return TRUE;
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
  g_autofree char *name = NULL;

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
  name = g_file_get_parse_name (file);

  if (!replace_atomically (file, bytes, cancellable, &local_error))
    {
      fail (error, LODE_SCENARIO_ERROR_IO, name, 0,
            _("cannot save the scenario (the previous file, if any, is unchanged): %s"),
            local_error->message);
      return FALSE;
    }

  return TRUE;
}
