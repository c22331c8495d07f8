/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-xml-reader.c — reading untrusted XML safely and within bounds (see the header).
 */
#define G_LOG_DOMAIN "lode-xml-reader"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlerror.h>

#include "lode-model-types.h"
#include "lode-xml-reader.h"

#define READ_CHUNK     (64 * 1024)
#define PARSE_OPTIONS  (LODE_XML_PARSE_OPTIONS | XML_PARSE_BIG_LINES)
/* When the pre-scan meets something that is not XML, libxml2 gets the document up to a little
 * past it, so it reports the real error there and never reads the unscanned rest. */
#define PAST_TROUBLE   4096
#define SHOWN_CHARS    40

/* ------------------------------------------------------------------------------------------ */
/* Problems                                                                                    */

G_GNUC_PRINTF (5, 6)
static void
set_problem (LodeXmlProblem     *problem,
             LodeXmlProblemKind  kind,
             long                line,
             const char         *element,
             const char         *format,
             ...)
{
  va_list args;

  lode_xml_problem_clear (problem);
  problem->kind = kind;
  problem->line = MAX (0, line);
  problem->element = element != NULL ? lode_dup_shown_text (element, -1, 64) : NULL;
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
}

void
lode_xml_problem_clear (LodeXmlProblem *problem)
{
  g_clear_pointer (&problem->element, g_free);
  g_clear_pointer (&problem->message, g_free);
  problem->node = NULL;
  problem->line = 0;
  problem->kind = LODE_XML_PROBLEM_IO;
}

long
lode_xml_node_line (const xmlNode *node)
{
  return node != NULL ? xmlGetLineNo (node) : 0;
}

/* "16 MiB", "256 KiB", "300 bytes": sizes as the limits are written. */
static char *
format_bytes (gsize bytes)
{
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
    return g_strdup_printf (_("%lu MiB"), (unsigned long) (bytes / (1024 * 1024)));
  if (bytes >= 1024 && bytes % 1024 == 0)
    return g_strdup_printf (_("%lu KiB"), (unsigned long) (bytes / 1024));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu byte", "%lu bytes", bytes),
                          (unsigned long) bytes);
}

/* libxml2's English message on one line. */
static char *
libxml_message (const xmlError *err)
{
  g_autofree char *message = NULL;

  if (err == NULL || err->message == NULL)
    return g_strdup (_("unknown error"));
  message = lode_dup_shown_text (err->message, -1, 400);
  return g_strstrip (g_strdelimit (g_steal_pointer (&message), "\n", ' '));
}

/* ------------------------------------------------------------------------------------------ */
/* libxml2 set-up                                                                              */

static xmlParserInputPtr
deny_entity_loader (const char       *url,
                    const char       *id,
                    xmlParserCtxtPtr  ctxt)
{
  /* Never load anything from outside the document: no file, no network. */
  return NULL;
}

void
lode_xml_ensure_safe (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (deny_entity_loader);
      g_once_init_leave (&initialised, 1);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Step 1: the file                                                                            */

static gboolean
too_large (gsize            size,
           gsize            max_bytes,
           LodeXmlProblem  *problem)
{
  g_autofree char *limit = NULL;

  if (size <= max_bytes)
    return FALSE;
  limit = format_bytes (max_bytes);
  set_problem (problem, LODE_XML_PROBLEM_TOO_LARGE, 0, NULL,
               _("the file is too large: it may be at most %s"), limit);
  return TRUE;
}

static GBytes *
read_fd (int              fd,
         gsize            max_bytes,
         GCancellable    *cancellable,
         LodeXmlProblem  *problem)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();

  for (;;)
    {
      gsize old_len = buffer->len;
      gssize got;

      if (g_cancellable_is_cancelled (cancellable))
        {
          set_problem (problem, LODE_XML_PROBLEM_IO, 0, NULL, _("reading was cancelled"));
          return NULL;
        }
      g_byte_array_set_size (buffer, old_len + READ_CHUNK);
      got = read (fd, buffer->data + old_len, READ_CHUNK);
      if (got < 0 && errno == EINTR)
        {
          g_byte_array_set_size (buffer, old_len);
          continue;
        }
      if (got < 0)
        {
          int saved = errno;

          set_problem (problem, LODE_XML_PROBLEM_IO, 0, NULL, _("cannot read the file: %s"),
                       g_strerror (saved));
          return NULL;
        }
      g_byte_array_set_size (buffer, old_len + (gsize) got);
      if (too_large (buffer->len, max_bytes, problem))
        return NULL;
      if (got == 0)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* Files without a local path (other GIO back-ends): the stream's own type is checked. */
static GBytes *
read_stream (GFile           *file,
             gsize            max_bytes,
             GCancellable    *cancellable,
             LodeXmlProblem  *problem)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GError) error = NULL;

  stream = g_file_read (file, cancellable, &error);
  if (stream != NULL)
    info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_TYPE, cancellable,
                                           &error);
  if (info == NULL)
    {
      set_problem (problem, LODE_XML_PROBLEM_IO, 0, NULL, _("cannot open the file: %s"),
                   error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      set_problem (problem, LODE_XML_PROBLEM_IO, 0, NULL,
                   _("cannot open the file: it is not a regular file; Lodestone opens only "
                     "regular files"));
      return NULL;
    }

  for (;;)
    {
      gsize old_len = buffer->len;
      gsize got = 0;

      g_byte_array_set_size (buffer, old_len + READ_CHUNK);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer->data + old_len,
                                    READ_CHUNK, &got, cancellable, &error))
        {
          set_problem (problem, LODE_XML_PROBLEM_IO, 0, NULL, _("cannot read the file: %s"),
                       error->message);
          return NULL;
        }
      g_byte_array_set_size (buffer, old_len + got);
      if (too_large (buffer->len, max_bytes, problem))
        return NULL;
      if (got < READ_CHUNK)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

GBytes *
lode_xml_read_file (GFile           *file,
                    gsize            max_bytes,
                    GCancellable    *cancellable,
                    LodeXmlProblem  *problem)
{
  g_autofree char *path = NULL;
  GBytes *bytes;
  struct stat st;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (problem != NULL, NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    return read_stream (file, max_bytes, cancellable, problem);

  /* Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever. */
  fd = g_open (path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      set_problem (problem, LODE_XML_PROBLEM_IO, 0, NULL, _("cannot open the file: %s"),
                   g_strerror (saved));
      return NULL;
    }

  /* What was opened, not what the name pointed to a moment earlier. */
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      set_problem (problem, LODE_XML_PROBLEM_IO, 0, NULL,
                   _("cannot open the file: it is %s; Lodestone opens only regular files"),
                   lode_file_type_describe (st.st_mode));
      close (fd);
      return NULL;
    }
  if (too_large ((gsize) MAX (st.st_size, 0), max_bytes, problem))
    {
      close (fd);
      return NULL;
    }

  bytes = read_fd (fd, max_bytes, cancellable, problem);
  close (fd);
  return bytes;
}

/* ------------------------------------------------------------------------------------------ */
/* Step 2a: the streaming pre-scan                                                             */

typedef struct
{
  const char *start;
  gsize       len;
} Name;

typedef struct
{
  const LodeXmlLimits *limits;
  const char          *data;
  const char          *end;
  const char          *p;
  long                 line;
  guint                depth;
  guint                elements;
  guint                namespaces;
  guint                markup;
  Name                *open;       /* the open elements, limits->max_depth + 1 of them */
  LodeXmlProblem      *problem;
} Scan;

/* Outcome of one step of the scan. */
typedef enum
{
  SCAN_GO_ON,
  SCAN_REFUSE,    /* a problem is set */
  SCAN_GIVE_UP,   /* not XML here: let the parser say what is wrong */
} ScanStep;

static void
advance_to (Scan       *scan,
            const char *to)
{
  for (const char *p = scan->p; p < to; p++)
    {
      p = memchr (p, '\n', to - p);
      if (p == NULL)
        break;
      scan->line++;
    }
  scan->p = to;
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
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static char *
dup_name (const Name *name)
{
  return g_strndup (name->start, name->len);
}

static const char *
current_element (const Scan *scan,
                 char      **owned)
{
  if (scan->depth == 0)
    return NULL;
  *owned = dup_name (&scan->open[MIN (scan->depth, scan->limits->max_depth) - 1]);
  return *owned;
}

static ScanStep
check_text (Scan       *scan,
            const char *text,
            gsize       len)
{
  g_autofree char *element = NULL;
  g_autofree char *size = NULL;
  g_autofree char *limit = NULL;

  if (len <= scan->limits->max_field_bytes)
    return SCAN_GO_ON;
  size = format_bytes (len);
  limit = format_bytes (scan->limits->max_field_bytes);
  if (current_element (scan, &element) != NULL)
    set_problem (scan->problem, LODE_XML_PROBLEM_TOO_LARGE, scan->line, element,
                 /* Translators: element name, a size, the largest size allowed */
                 _("element <%s>: its text is %s long; a text may be at most %s"),
                 element, size, limit);
  else
    set_problem (scan->problem, LODE_XML_PROBLEM_TOO_LARGE, scan->line, NULL,
                 _("a text or comment is %s long; it may be at most %s"), size, limit);
  return SCAN_REFUSE;
}

static ScanStep
count_markup (Scan *scan)
{
  if (++scan->markup <= scan->limits->max_markup)
    return SCAN_GO_ON;
  set_problem (scan->problem, LODE_XML_PROBLEM_TOO_LARGE, scan->line, NULL,
               _("the file has more than %u comments, processing instructions and CDATA "
                 "sections, the most it may have"),
               scan->limits->max_markup);
  return SCAN_REFUSE;
}

/* "<!--", "<![CDATA[" and "<?": skipped to their end, counted and measured. */
static ScanStep
scan_delimited (Scan       *scan,
                gsize       open_len,
                const char *close)
{
  const char *body = scan->p + open_len;
  const char *end = find_bytes (body, scan->end, close);
  ScanStep step;

  if (end == NULL)
    return SCAN_GIVE_UP;
  if ((step = count_markup (scan)) != SCAN_GO_ON ||
      (step = check_text (scan, body, end - body)) != SCAN_GO_ON)
    return step;
  advance_to (scan, end + strlen (close));
  return SCAN_GO_ON;
}

static ScanStep
scan_declaration (Scan *scan)
{
  static const char * const declarations[] = {
    "DOCTYPE", "ENTITY", "ELEMENT", "ATTLIST", "NOTATION",
  };

  for (guint i = 0; i < G_N_ELEMENTS (declarations); i++)
    {
      gsize n = strlen (declarations[i]);

      if ((gsize) (scan->end - scan->p - 2) >= n && memcmp (scan->p + 2, declarations[i], n) == 0)
        {
          set_problem (scan->problem, LODE_XML_PROBLEM_FORBIDDEN, scan->line, NULL,
                       _("the file contains a document type or entity declaration (“<!%s”); "
                         "Lodestone's files may not declare a DTD or entities, and Lodestone "
                         "never expands them"),
                       declarations[i]);
          return SCAN_REFUSE;
        }
    }
  /* Any other "<!" is not XML. */
  return SCAN_GIVE_UP;
}

/* A name at scan->p, ending before a space, '=', '/', '>' or a quote. */
static ScanStep
scan_name (Scan *scan,
           Name *out)
{
  const char *p = scan->p;

  while (p < scan->end && !is_space (*p) && *p != '=' && *p != '/' && *p != '>' &&
         *p != '"' && *p != '\'' && *p != '<')
    p++;
  out->start = scan->p;
  out->len = p - scan->p;
  if (out->len == 0 || p >= scan->end)
    return SCAN_GIVE_UP;
  if (out->len > LODE_XML_MAX_NAME_BYTES)
    {
      g_autofree char *shown = lode_dup_shown_text (out->start, out->len, SHOWN_CHARS);

      set_problem (scan->problem, LODE_XML_PROBLEM_TOO_LARGE, scan->line, NULL,
                   _("the name “%s” is %lu bytes long; names may be at most %d bytes"),
                   shown, (unsigned long) out->len, LODE_XML_MAX_NAME_BYTES);
      return SCAN_REFUSE;
    }
  scan->p = p;
  return SCAN_GO_ON;
}

static void
skip_spaces (Scan *scan)
{
  const char *p = scan->p;

  while (p < scan->end && is_space (*p))
    p++;
  advance_to (scan, p);
}

static gboolean
is_namespace_declaration (const Name *name)
{
  return name->len >= 5 && memcmp (name->start, "xmlns", 5) == 0 &&
         (name->len == 5 || name->start[5] == ':');
}

static ScanStep
refuse_attribute_value (Scan       *scan,
                        const Name *element,
                        const Name *attribute,
                        const char *value,
                        gsize       len)
{
  g_autofree char *element_name = dup_name (element);
  g_autofree char *attribute_name = dup_name (attribute);
  g_autofree char *shown = lode_dup_shown_text (value, len, SHOWN_CHARS);
  g_autofree char *size = format_bytes (len);
  g_autofree char *limit = format_bytes (scan->limits->max_field_bytes);

  set_problem (scan->problem, LODE_XML_PROBLEM_TOO_LARGE, scan->line, element_name,
               /* Translators: element, attribute, its value (cut short), its size, the most
                * allowed */
               _("element <%s>: attribute %s=\"%s\" is %s long; a value may be at most %s"),
               element_name, attribute_name, shown, size, limit);
  return SCAN_REFUSE;
}

/* One attribute, scan->p at its name. */
static ScanStep
scan_attribute (Scan       *scan,
                const Name *element,
                guint      *n_attributes)
{
  Name name;
  const char *close;
  ScanStep step;
  char quote;

  if ((step = scan_name (scan, &name)) != SCAN_GO_ON)
    return step;

  if (++*n_attributes > scan->limits->max_attributes)
    {
      g_autofree char *element_name = dup_name (element);

      set_problem (scan->problem, LODE_XML_PROBLEM_TOO_LARGE, scan->line, element_name,
                   _("element <%s> has more than %u attributes, the most an element may have"),
                   element_name, scan->limits->max_attributes);
      return SCAN_REFUSE;
    }
  if (is_namespace_declaration (&name) && ++scan->namespaces > scan->limits->max_namespaces)
    {
      g_autofree char *element_name = dup_name (element);

      set_problem (scan->problem, LODE_XML_PROBLEM_TOO_LARGE, scan->line, element_name,
                   _("element <%s>: the file declares more than %u XML namespaces, the most "
                     "it may declare"),
                   element_name, scan->limits->max_namespaces);
      return SCAN_REFUSE;
    }

  skip_spaces (scan);
  if (scan->p >= scan->end || *scan->p != '=')
    return SCAN_GIVE_UP;
  scan->p++;
  skip_spaces (scan);
  if (scan->p >= scan->end || (*scan->p != '"' && *scan->p != '\''))
    return SCAN_GIVE_UP;
  quote = *scan->p;
  close = memchr (scan->p + 1, quote, scan->end - scan->p - 1);
  if (close == NULL)
    return SCAN_GIVE_UP;
  if ((gsize) (close - scan->p - 1) > scan->limits->max_field_bytes)
    return refuse_attribute_value (scan, element, &name, scan->p + 1, close - scan->p - 1);
  advance_to (scan, close + 1);
  return SCAN_GO_ON;
}

static ScanStep
open_element (Scan       *scan,
              const Name *name,
              long        line)
{
  if (scan->depth >= scan->limits->max_depth)
    {
      g_autofree char *element = dup_name (name);

      set_problem (scan->problem, LODE_XML_PROBLEM_MALFORMED, line, element,
                   _("elements are nested more than %u levels deep"), scan->limits->max_depth);
      return SCAN_REFUSE;
    }
  scan->open[scan->depth++] = *name;
  return SCAN_GO_ON;
}

/* A start tag, scan->p at its '<'. */
static ScanStep
scan_start_tag (Scan *scan)
{
  guint n_attributes = 0;
  long line = scan->line;
  Name name;
  ScanStep step;

  scan->p++;
  if ((step = scan_name (scan, &name)) != SCAN_GO_ON)
    return step;
  if (++scan->elements > scan->limits->max_elements)
    {
      set_problem (scan->problem, LODE_XML_PROBLEM_TOO_LARGE, line, NULL,
                   _("the file has more than %u elements, the most it may have"),
                   scan->limits->max_elements);
      return SCAN_REFUSE;
    }

  for (;;)
    {
      skip_spaces (scan);
      if (scan->p >= scan->end)
        return SCAN_GIVE_UP;
      if (*scan->p == '>')
        {
          scan->p++;
          return open_element (scan, &name, line);
        }
      if (*scan->p == '/')
        {
          if (scan->end - scan->p < 2 || scan->p[1] != '>')
            return SCAN_GIVE_UP;
          scan->p += 2;
          return SCAN_GO_ON;
        }
      if ((step = scan_attribute (scan, &name, &n_attributes)) != SCAN_GO_ON)
        return step;
    }
}

static ScanStep
scan_end_tag (Scan *scan)
{
  const char *close = memchr (scan->p, '>', scan->end - scan->p);

  if (close == NULL)
    return SCAN_GIVE_UP;
  if (scan->depth > 0)
    scan->depth--;
  advance_to (scan, close + 1);
  return SCAN_GO_ON;
}

static ScanStep
scan_markup (Scan *scan)
{
  gsize left = scan->end - scan->p;

  if (left >= 4 && memcmp (scan->p, "<!--", 4) == 0)
    return scan_delimited (scan, 4, "-->");
  if (left >= 9 && memcmp (scan->p, "<![CDATA[", 9) == 0)
    return scan_delimited (scan, 9, "]]>");
  if (left >= 2 && scan->p[1] == '!')
    return scan_declaration (scan);
  if (left >= 2 && scan->p[1] == '?')
    return scan_delimited (scan, 2, "?>");
  if (left >= 2 && scan->p[1] == '/')
    return scan_end_tag (scan);
  return scan_start_tag (scan);
}

/* Returns FALSE with a problem set, or TRUE with the number of bytes libxml2 may read. */
static gboolean
prescan (const LodeXmlLimits  *limits,
         const char           *data,
         gsize                 len,
         gsize                *out_parse_len,
         LodeXmlProblem       *problem)
{
  g_autofree Name *open = g_new0 (Name, limits->max_depth + 1);
  Scan scan = { limits, data, data + len, data, 1, 0, 0, 0, 0, open, problem };

  *out_parse_len = len;
  while (scan.p < scan.end)
    {
      const char *lt = memchr (scan.p, '<', scan.end - scan.p);
      const char *text_end = lt != NULL ? lt : scan.end;
      ScanStep step;

      if (check_text (&scan, scan.p, text_end - scan.p) != SCAN_GO_ON)
        return FALSE;
      advance_to (&scan, text_end);
      if (lt == NULL)
        break;

      step = scan_markup (&scan);
      if (step == SCAN_REFUSE)
        return FALSE;
      if (step == SCAN_GIVE_UP)
        {
          *out_parse_len = MIN (len, (gsize) (lt - data) + PAST_TROUBLE);
          break;
        }
    }

  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Step 2b: parsing and the tree check                                                         */

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

static gboolean
check_tree (const LodeXmlLimits *limits,
            xmlNode             *node,
            guint                depth,
            LodeXmlProblem      *problem)
{
  for (; node != NULL; node = node->next)
    {
      switch (node->type)
        {
        case XML_ENTITY_REF_NODE:
        case XML_ENTITY_NODE:
        case XML_ENTITY_DECL:
        case XML_DTD_NODE:
          set_problem (problem, LODE_XML_PROBLEM_FORBIDDEN, lode_xml_node_line (node), NULL,
                       _("the file uses entities, which Lodestone's files may not use"));
          return FALSE;
        case XML_ELEMENT_NODE:
          if (depth > limits->max_depth)
            {
              set_problem (problem, LODE_XML_PROBLEM_MALFORMED, lode_xml_node_line (node),
                           (const char *) node->name,
                           _("elements are nested more than %u levels deep"), limits->max_depth);
              return FALSE;
            }
          if (!check_tree (limits, node->children, depth + 1, problem))
            return FALSE;
          break;
        default:
          break;
        }
    }
  return TRUE;
}

static xmlDoc *
parse_memory (const char      *data,
              gsize            len,
              LodeXmlProblem  *problem)
{
  g_autoptr(xmlParserCtxt) ctxt = xmlNewParserCtxt ();
  g_autoptr(xmlDoc) doc = NULL;
  const xmlError *err;
  g_autofree char *detail = NULL;

  if (ctxt == NULL)
    {
      set_problem (problem, LODE_XML_PROBLEM_IO, 0, NULL, _("out of memory"));
      return NULL;
    }

  /* The bytes are known to be UTF-8: say so, whatever the XML declaration claims. */
  doc = xmlCtxtReadMemory (ctxt, data, (int) len, NULL, "UTF-8", PARSE_OPTIONS);
  if (doc != NULL && ctxt->wellFormed)
    return g_steal_pointer (&doc);

  err = xmlCtxtGetLastError (ctxt);
  detail = libxml_message (err);
  if (err != NULL && is_entity_error (err->code))
    set_problem (problem, LODE_XML_PROBLEM_FORBIDDEN, err->line, NULL,
                 _("the file uses entities, which Lodestone's files may not use (%s)"), detail);
  else
    set_problem (problem, LODE_XML_PROBLEM_MALFORMED, err != NULL ? err->line : 0, NULL,
                 _("the file is not well-formed XML: %s"), detail);
  return NULL;
}

xmlDoc *
lode_xml_parse (const LodeXmlLimits  *limits,
                GBytes               *bytes,
                LodeXmlProblem       *problem)
{
  g_autoptr(xmlDoc) doc = NULL;
  const char *invalid = NULL;
  const char *data;
  gsize len, parse_len;

  g_return_val_if_fail (limits != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (problem != NULL, NULL);

  lode_xml_ensure_safe ();
  data = g_bytes_get_data (bytes, &len);

  if (too_large (len, limits->max_bytes, problem))
    return NULL;
  if (len == 0 || data == NULL)
    {
      set_problem (problem, LODE_XML_PROBLEM_MALFORMED, 0, NULL, _("the file is empty"));
      return NULL;
    }
  if (!g_utf8_validate_len (data, len, &invalid))
    {
      long line = 1;

      for (const char *p = data; p < invalid; p++)
        line += *p == '\n';
      set_problem (problem, LODE_XML_PROBLEM_MALFORMED, line, NULL,
                   _("the file is not valid UTF-8 text (byte %lu is not part of a UTF-8 "
                     "character, or is a NUL byte); Lodestone's files are UTF-8 XML"),
                   (unsigned long) (invalid - data));
      return NULL;
    }

  if (!prescan (limits, data, len, &parse_len, problem))
    return NULL;

  doc = parse_memory (data, parse_len, problem);
  if (doc == NULL)
    return NULL;

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      set_problem (problem, LODE_XML_PROBLEM_FORBIDDEN, 0, NULL,
                   _("the file contains a document type declaration; Lodestone's files may "
                     "not declare a DTD or entities"));
      return NULL;
    }
  if (!check_tree (limits, doc->children, 1, problem))
    return NULL;
  if (xmlDocGetRootElement (doc) == NULL)
    {
      set_problem (problem, LODE_XML_PROBLEM_MALFORMED, 0, NULL, _("the file has no root element"));
      return NULL;
    }

  return g_steal_pointer (&doc);
}

/* ------------------------------------------------------------------------------------------ */
/* Step 3: RELAX NG, each schema compiled once                                                 */

typedef struct
{
  xmlRelaxNG *schema;    /* NULL if it does not compile */
  char       *message;   /* why not */
} CompiledSchema;

G_LOCK_DEFINE_STATIC (schemas);
static GHashTable *schemas;      /* interned resource path → CompiledSchema, never freed */
static guint n_schemas_compiled;

static void
first_message_cb (void            *user_data,
                  LodeXmlErrorArg  err)
{
  char **message = user_data;

  if (*message == NULL && err != NULL && err->message != NULL)
    *message = libxml_message (err);
}

static CompiledSchema *
compile_schema (const char *resource)
{
  CompiledSchema *compiled = g_new0 (CompiledSchema, 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlRelaxNGParserCtxt) ctxt = NULL;
  g_autofree char *message = NULL;
  gconstpointer data;
  gsize size;

  n_schemas_compiled++;
  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      compiled->message = g_strdup (error->message);
      return compiled;
    }

  data = g_bytes_get_data (bytes, &size);
  ctxt = xmlRelaxNGNewMemParserCtxt (data, (int) size);
  if (ctxt == NULL)
    {
      compiled->message = g_strdup (_("out of memory"));
      return compiled;
    }
  xmlRelaxNGSetParserStructuredErrors (ctxt, first_message_cb, &message);
  compiled->schema = xmlRelaxNGParse (ctxt);
  if (compiled->schema == NULL)
    compiled->message = message != NULL ? g_steal_pointer (&message)
                                        : g_strdup (_("the schema does not compile"));
  return compiled;
}

static CompiledSchema *
get_schema (const char *resource)
{
  CompiledSchema *compiled;

  G_LOCK (schemas);
  if (schemas == NULL)
    schemas = g_hash_table_new (NULL, NULL);
  resource = g_intern_string (resource);
  compiled = g_hash_table_lookup (schemas, resource);
  if (compiled == NULL)
    {
      compiled = compile_schema (resource);
      g_hash_table_insert (schemas, (gpointer) resource, compiled);
    }
  G_UNLOCK (schemas);

  return compiled;
}

guint
lode_xml_n_schemas_compiled (void)
{
  guint n;

  G_LOCK (schemas);
  n = n_schemas_compiled;
  G_UNLOCK (schemas);
  return n;
}

typedef struct
{
  char    *message;
  xmlNode *node;
  long     line;
} FirstError;

static void
first_error_cb (void            *user_data,
                LodeXmlErrorArg  err)
{
  FirstError *first = user_data;

  if (first->message != NULL || err == NULL)
    return;
  first->message = libxml_message (err);
  first->node = err->node;
  first->line = err->line;
}

gboolean
lode_xml_validate (const LodeXmlLimits *limits,
                   xmlDoc              *doc,
                   LodeXmlProblem      *problem)
{
  g_autoptr(xmlRelaxNGValidCtxt) ctxt = NULL;
  FirstError first = { NULL, NULL, 0 };
  CompiledSchema *compiled;
  g_autofree char *named = NULL;
  const char *element = NULL;
  xmlNode *node;
  long line;

  g_return_val_if_fail (limits != NULL && limits->schema_resource != NULL, FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (problem != NULL, FALSE);

  compiled = get_schema (limits->schema_resource);
  if (compiled->schema == NULL)
    {
      set_problem (problem, LODE_XML_PROBLEM_IO, 0, NULL,
                   _("the schema %s cannot be loaded: %s"), limits->schema_resource,
                   compiled->message);
      return FALSE;
    }

  ctxt = xmlRelaxNGNewValidCtxt (compiled->schema);
  if (ctxt == NULL)
    {
      set_problem (problem, LODE_XML_PROBLEM_IO, 0, NULL, _("out of memory"));
      return FALSE;
    }
  xmlRelaxNGSetValidStructuredErrors (ctxt, first_error_cb, &first);
  if (xmlRelaxNGValidateDoc (ctxt, doc) == 0)
    {
      g_free (first.message);
      return TRUE;
    }

  node = first.node;
  if (node != NULL && node->type != XML_ELEMENT_NODE)
    node = node->parent;
  if (node != NULL && node->type == XML_ELEMENT_NODE)
    element = (const char *) node->name;
  line = node != NULL ? lode_xml_node_line (node) : first.line;
  /* libxml2 2.9 loses the node of some errors ("Element source failed to validate
   * attributes"): the element's name is still in the message. */
  if (element == NULL && first.message != NULL && g_str_has_prefix (first.message, "Element "))
    {
      const char *name = first.message + strlen ("Element ");

      named = g_strndup (name, strcspn (name, " :"));
      element = named;
    }
  set_problem (problem, LODE_XML_PROBLEM_INVALID, line, element, "%s",
               first.message != NULL ? first.message : _("invalid"));
  problem->node = node != NULL && node->type == XML_ELEMENT_NODE ? node : NULL;
  g_free (first.message);
  return FALSE;
}
