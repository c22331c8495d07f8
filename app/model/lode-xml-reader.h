/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-xml-reader.h — the one way the model reads XML it did not write itself (scenario files,
 * datasets). Private to app/model/: it exposes libxml2 types.
 *
 * Reading is a pipeline that stops at the first problem:
 *   1. lode_xml_read_file(): the file is opened (non-blocking, so a FIFO cannot hang it), the
 *      opened descriptor must be a regular file, and at most `max_bytes` + 1 bytes are read;
 *   2. lode_xml_parse(): size, UTF-8, then a streaming pre-scan that refuses any DTD or entity
 *      declaration and bounds what libxml2 is asked to build — nesting depth, elements,
 *      attributes per element, namespace declarations, comments and processing instructions,
 *      and the length of every name, attribute value and run of text — before libxml2 sees a
 *      byte; then xmlCtxtReadMemory with safe options (no network, no entity substitution, no
 *      DTD loading, no huge mode) behind a deny-all external entity loader, and a tree check
 *      for anything entity-like that slipped through;
 *   3. lode_xml_validate(): RELAX NG validation against a schema from the model's resources,
 *      compiled once per process and shared.
 * Every problem carries a kind, a line, the element it is about and a translated message that
 * says what is wrong and the allowed range; callers put the file name in front and map the kind
 * to their own error domain. With these bounds every input is refused or read in well under a
 * second and 100 MB (tests/bench-hostile.c measures it).
 * Model library: GLib/GIO and libxml2 only.
 */
#pragma once

#include <gio/gio.h>

#include "lode-xml-private.h"

G_BEGIN_DECLS

typedef enum
{
  LODE_XML_PROBLEM_IO,         /* cannot open or read, or not a regular file */
  LODE_XML_PROBLEM_TOO_LARGE,  /* over a bound: bytes, elements, attributes, text, ... */
  LODE_XML_PROBLEM_MALFORMED,  /* not UTF-8, not well-formed, nested too deep, empty */
  LODE_XML_PROBLEM_FORBIDDEN,  /* a DTD, entity declarations or references */
  LODE_XML_PROBLEM_INVALID,    /* does not match the schema */
} LodeXmlProblemKind;

typedef struct
{
  LodeXmlProblemKind  kind;
  long                line;      /* 1-based; 0 when the problem has no line */
  char               *element;   /* the element it is about, or NULL */
  char               *message;   /* translated, without file name or line */
  xmlNode            *node;      /* INVALID: the node the schema blamed (borrowed), or NULL */
} LodeXmlProblem;

/* Bounds on one kind of document. Zero means "no limit" only for `schema_resource`. */
typedef struct
{
  gsize        max_bytes;
  guint        max_depth;         /* element nesting */
  guint        max_elements;      /* in the whole document */
  guint        max_attributes;    /* on one element, namespace declarations included */
  guint        max_namespaces;    /* xmlns declarations in the whole document */
  guint        max_markup;        /* comments, processing instructions and CDATA sections */
  gsize        max_field_bytes;   /* one attribute value, comment or run of text */
  const char  *schema_resource;   /* RELAX NG in the model's resources, for lode_xml_validate */
} LodeXmlLimits;

/* Names longer than this (element and attribute names) are refused by the pre-scan. */
#define LODE_XML_MAX_NAME_BYTES 256

void      lode_xml_problem_clear     (LodeXmlProblem       *problem);

/* Installs the deny-all external entity loader (once per process). Called by the functions
 * below; exposed for code that uses libxml2 directly. */
void      lode_xml_ensure_safe       (void);

/* The bytes of a regular file, at most `max_bytes`. A FIFO, device, socket or folder is
 * refused from the opened descriptor (no race between a check and the open). */
GBytes   *lode_xml_read_file         (GFile                *file,
                                      gsize                 max_bytes,
                                      GCancellable         *cancellable,
                                      LodeXmlProblem       *problem) G_GNUC_WARN_UNUSED_RESULT;

/* Steps 2 of the pipeline: a well-formed document within `limits`, or NULL and `problem`. */
xmlDoc   *lode_xml_parse             (const LodeXmlLimits  *limits,
                                      GBytes               *bytes,
                                      LodeXmlProblem       *problem) G_GNUC_WARN_UNUSED_RESULT;

/* Step 3: validates against `limits->schema_resource`. On failure `problem` names the first
 * node the schema blamed, with libxml2's message. */
gboolean  lode_xml_validate          (const LodeXmlLimits  *limits,
                                      xmlDoc               *doc,
                                      LodeXmlProblem       *problem);

/* How many schemas this process has compiled (each is compiled once): for tests. */
guint     lode_xml_n_schemas_compiled (void);

/* The line of a node (0 for NULL). */
long      lode_xml_node_line         (const xmlNode        *node);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LodeXmlProblem, lode_xml_problem_clear)

G_END_DECLS
