/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-xml-private.h — automatic cleanup for the libxml2 objects the model library uses when it
 * reads the reference dataset and scenario files. Private to app/model/: never installed, never
 * included outside the model library. libxml2 only, no GTK.
 *
 * Usage:
 *   g_autoptr(xmlDoc) doc = xmlReadMemory (...);
 *   g_autoptr(LodeXmlChar) value = xmlGetProp (node, BAD_CAST "id");
 *
 * Parse options for untrusted files: LODE_XML_PARSE_OPTIONS (no network, no entity
 * substitution, no DTD loading, no huge documents).
 */
#pragma once

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlversion.h>

G_BEGIN_DECLS

/* Safe options for xmlReadMemory on files that may be hostile: never NOENT, DTDLOAD or HUGE. */
#define LODE_XML_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

/* The error argument of an xmlStructuredErrorFunc: const from libxml2 2.12 on. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *LodeXmlErrorArg;
#else
typedef xmlErrorPtr LodeXmlErrorArg;
#endif

/* An xmlChar string owned by libxml2, freed with xmlFree. */
typedef xmlChar LodeXmlChar;

static inline void
lode_xml_char_free (LodeXmlChar *str)
{
  if (str != NULL)
    xmlFree (str);
}

/* TRUE if `node` is an element named `name` (any element when `name` is NULL). */
static inline gboolean
lode_xml_is_element (const xmlNode *node,
                     const char    *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         (name == NULL || xmlStrEqual (node->name, (const xmlChar *) name));
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNG, xmlRelaxNGFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNGParserCtxt, xmlRelaxNGFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNGValidCtxt, xmlRelaxNGFreeValidCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeXmlChar, lode_xml_char_free)

G_END_DECLS
