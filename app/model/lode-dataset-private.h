/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-dataset-private.h — what the dataset's loader (lode-dataset.c), its element readers
 * (lode-dataset-reader.c) and its section parsers (lode-dataset-sections.c) share. Private
 * to the model library.
 */
#pragma once

#include "lode-dataset.h"
#include "lode-xml-private.h"

G_BEGIN_DECLS

typedef struct
{
  const char  *file;   /* name for errors */
  LodeDataset *ds;
} LodeDatasetLoader;

/* Every element child of `parent`. */
#define LODE_FOR_EACH_ELEMENT(child, parent) \
  for (xmlNode *child = lode_xml_next_element ((parent)->children); child != NULL; \
       child = lode_xml_next_element (child->next))

xmlNode  *lode_xml_next_element         (xmlNode                  *node);

/* "FILE, line N, element <E>: what" in LODE_DATASET_ERROR. */
void      lode_dataset_node_error       (const LodeDatasetLoader  *loader,
                                         const xmlNode            *node,
                                         LodeDatasetError          code,
                                         GError                  **error,
                                         const char               *format,
                                         ...) G_GNUC_PRINTF (5, 6);

xmlNode  *lode_dataset_find_child       (xmlNode                  *parent,
                                         const char               *name);
xmlNode  *lode_dataset_require_child    (const LodeDatasetLoader  *loader,
                                         xmlNode                  *parent,
                                         const char               *name,
                                         GError                  **error);
char     *lode_dataset_dup_prop         (const xmlNode            *node,
                                         const char               *name);
char     *lode_dataset_require_prop     (const LodeDatasetLoader  *loader,
                                         const xmlNode            *node,
                                         const char               *name,
                                         GError                  **error);
/* A number in the notation of the file, for messages. */
char     *lode_dataset_ascii_number     (double                    value);
gboolean  lode_dataset_read_double_prop (const LodeDatasetLoader  *loader,
                                         const xmlNode            *node,
                                         const char               *name,
                                         double                    min,
                                         double                    max,
                                         double                   *out,
                                         GError                  **error);
gboolean  lode_dataset_read_int_prop    (const LodeDatasetLoader  *loader,
                                         const xmlNode            *node,
                                         const char               *name,
                                         int                       min,
                                         int                       max,
                                         int                      *out,
                                         GError                  **error);
gboolean  lode_dataset_read_bool_prop   (const LodeDatasetLoader  *loader,
                                         const xmlNode            *node,
                                         const char               *name,
                                         gboolean                 *out,
                                         GError                  **error);
/* Value, source, basis and the optional low/high range of a cited number; every source ID
 * must be declared, and low <= value <= high. */
gboolean  lode_dataset_read_cited       (const LodeDatasetLoader  *loader,
                                         const xmlNode            *node,
                                         double                    min,
                                         double                    max,
                                         LodeCited                *out,
                                         GError                  **error);
gboolean  lode_dataset_read_cited_child (const LodeDatasetLoader  *loader,
                                         xmlNode                  *parent,
                                         const char               *name,
                                         double                    min,
                                         double                    max,
                                         LodeCited                *out,
                                         GError                  **error);
gboolean  lode_dataset_read_enum_prop   (const LodeDatasetLoader  *loader,
                                         const xmlNode            *node,
                                         const char               *name,
                                         gboolean                (*from_id) (const char *id,
                                                                             int        *out),
                                         const char               *what,
                                         int                      *out,
                                         GError                  **error);
gboolean  lode_dataset_stage_from_id    (const char               *id,
                                         int                      *out);
gboolean  lode_dataset_material_from_id (const char               *id,
                                         int                      *out);
gboolean  lode_dataset_region_from_id   (const LodeDatasetLoader  *loader,
                                         const xmlNode            *node,
                                         const char               *name,
                                         guint                    *out,
                                         GError                  **error);

/* A cited number of a section, by element name and offset into its struct; the loader and
 * lode_dataset_list_numbers() share these tables. */
typedef struct
{
  const char *element;
  gsize       offset;
  double      min;
  double      max;
  gboolean    optional;
} LodeDatasetField;

extern const LodeDatasetField lode_dataset_material_fields[];   /* in LodeMaterialData */
extern const guint            lode_dataset_n_material_fields;
extern const LodeDatasetField lode_dataset_stage_fields[];      /* in LodeStageEconomics */
extern const guint            lode_dataset_n_stage_fields;

/* The sections, in file order; TRUE when the whole document was read and checked. */
gboolean  lode_dataset_parse_document   (const LodeDatasetLoader  *loader,
                                         xmlNode                  *root,
                                         GError                  **error);

G_END_DECLS
