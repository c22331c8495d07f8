/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lode-text"

#include "config.h"

#include <string.h>

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>

#include "lode-text.h"

/*
 * Creating a PangoLayout (a context, font options, a font description) and shaping its text
 * costs far more than drawing it, and the diagrams draw and measure the same few hundred
 * labels on every frame. So each thread keeps:
 *
 *  - one measuring context and one drawing PangoContext, re-targeted with
 *    pango_cairo_update_context() only when a cairo_t's transformation (without its
 *    translation) or its target's font options differ from the last ones: the update sets the
 *    context's matrix, and Pango counts any matrix set as a change that re-shapes every
 *    layout of the context, even when it is the same matrix;
 *  - a cache of shaped layouts for each of them, keyed by text, size and flags, and of the
 *    measured sizes. The caches are bounded: when full they are simply emptied. Where the two
 *    contexts lay out alike (an image at 1x), text is drawn with the measuring layouts.
 *    Nothing changes a cached layout once made, so measuring and drawing can share them.
 *
 * Layouts are re-shaped automatically by Pango when their context changes, so a cached layout
 * always measures and draws exactly like a freshly made one.
 *
 * The family: LODE_TEXT_FAMILY is a list ("Cantarell, DejaVu Sans, Sans"), and each new size
 * and weight of it costs Pango a font set (fontconfig's substitution, a match and a sort of
 * every installed font). Pango then measures each font it picked with a description of its own
 * (pango_font_get_metrics() lays out a sample in the font's family, "DejaVu Sans"): a second
 * font set for every size and weight. So the list is resolved once, regular and bold, to the
 * family fontconfig picks first for it, and a text all of whose characters that face has is
 * set in that family by name: Pango picks the same face for it (the first of the list found
 * is the face whose family name it is), and only the first face of a font set draws a text
 * that face covers entirely, so the glyphs and pixels are the same, with half the font sets.
 * Any other text (a character the face lacks) keeps the list and Pango's fallback fonts.
 */

#define CACHE_MAX 1024

/* What a cached layout is for: its text, size (compared bit for bit, so nothing is rounded)
 * and flags. The cache's own keys own their text; a lookup's points at the caller's. */
typedef struct
{
  double         size_px;
  LodeTextFlags  flags;
  char          *text;
} TextKey;

static guint
text_key_hash (gconstpointer data)
{
  const TextKey *key = data;
  guint64 bits;

  memcpy (&bits, &key->size_px, sizeof bits);
  return g_str_hash (key->text) ^ (guint) (bits ^ (bits >> 32)) ^ ((guint) key->flags << 7);
}

static gboolean
text_key_equal (gconstpointer a,
                gconstpointer b)
{
  const TextKey *ka = a, *kb = b;

  return memcmp (&ka->size_px, &kb->size_px, sizeof ka->size_px) == 0
         && ka->flags == kb->flags && strcmp (ka->text, kb->text) == 0;
}

static void
text_key_free (gpointer data)
{
  TextKey *key = data;

  g_free (key->text);
  g_free (key);
}

typedef struct
{
  cairo_t      *measure_cr;     /* 1×1 image: labels measured without a target */
  PangoContext *measure_ctx;
  PangoContext *draw_ctx;
  GHashTable   *measure_layouts; /* key → PangoLayout, measuring context */
  GHashTable   *draw_layouts;    /* key → PangoLayout, drawing context */
  /* What draw_ctx was last updated for: the linear part of the transformation and the
   * target's font options (NULL: never updated). */
  double                draw_matrix[4];
  cairo_font_options_t *draw_options;
  cairo_font_options_t *scratch_options;
  cairo_font_options_t *measure_options;  /* measure_cr's target's */
  gboolean              draw_as_measured; /* draw_ctx lays out as measure_ctx does */
} TextCache;

static void
text_cache_free (gpointer data)
{
  TextCache *tc = data;

  g_hash_table_destroy (tc->measure_layouts);
  g_hash_table_destroy (tc->draw_layouts);
  g_clear_pointer (&tc->draw_options, cairo_font_options_destroy);
  cairo_font_options_destroy (tc->scratch_options);
  cairo_font_options_destroy (tc->measure_options);
  g_object_unref (tc->measure_ctx);
  g_object_unref (tc->draw_ctx);
  cairo_destroy (tc->measure_cr);
  g_free (tc);
}

/* Unhinted metrics: a label measures the same at 1x, 3x and in vector output. */
static void
set_unhinted (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
}

static TextCache *
text_cache (void)
{
  static GPrivate key = G_PRIVATE_INIT (text_cache_free);
  TextCache *tc = g_private_get (&key);

  if (tc == NULL)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);

      tc = g_new0 (TextCache, 1);
      tc->measure_cr = cairo_create (surface);
      cairo_surface_destroy (surface);
      tc->measure_ctx = pango_cairo_create_context (tc->measure_cr);
      set_unhinted (tc->measure_ctx);
      tc->draw_ctx = pango_cairo_create_context (tc->measure_cr);
      set_unhinted (tc->draw_ctx);
      tc->measure_layouts = g_hash_table_new_full (text_key_hash, text_key_equal, text_key_free,
                                                   g_object_unref);
      tc->draw_layouts = g_hash_table_new_full (text_key_hash, text_key_equal, text_key_free,
                                                g_object_unref);
      tc->scratch_options = cairo_font_options_create ();
      tc->measure_options = cairo_font_options_create ();
      cairo_surface_get_font_options (cairo_get_target (tc->measure_cr), tc->measure_options);
      g_private_set (&key, tc);
    }
  return tc;
}

/* The face LODE_TEXT_FAMILY resolves to at one weight: its family name and the characters it
 * has; family NULL when it could not be resolved (the list is used as it is). */
typedef struct
{
  char      *family;
  FcCharSet *coverage;
} ResolvedFace;

/* What Pango asks fontconfig for a description (pango_fc_make_pattern() and the font map's
 * default substitution), for the list at one weight and size; the family of the best match. */
static void
resolve_face (ResolvedFace  *face,
              PangoContext  *context,
              double         size_px,
              LodeTextFlags  flags)
{
  PangoFontMap *map = pango_context_get_font_map (context);
  g_autoptr(PangoFontDescription) list = pango_font_description_from_string (LODE_TEXT_FAMILY);
  g_auto(GStrv) families = NULL;
  PangoLanguage *language = pango_context_get_language (context);
  const char *prgname = g_get_prgname ();
  FcPattern *pattern, *match;
  FcConfig *config;
  FcResult result;
  FcChar8 *family = NULL;
  FcCharSet *coverage = NULL;

  if (!PANGO_IS_FC_FONT_MAP (map))
    return;
  /* Waits for the font map's start of fontconfig (on its thread): never a second start here. */
  config = pango_fc_font_map_get_config (PANGO_FC_FONT_MAP (map));
  pattern = FcPatternCreate ();
  FcPatternAddDouble (pattern, FC_WEIGHT, (flags & LODE_TEXT_BOLD) ? FC_WEIGHT_BOLD
                                                                   : FC_WEIGHT_REGULAR);
  FcPatternAddInteger (pattern, FC_SLANT, FC_SLANT_ROMAN);
  FcPatternAddInteger (pattern, FC_WIDTH, FC_WIDTH_NORMAL);
  FcPatternAddDouble (pattern, FC_PIXEL_SIZE, size_px);
  families = g_strsplit (pango_font_description_get_family (list), ",", -1);
  for (guint i = 0; families[i] != NULL; i++)
    FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) families[i]);
  if (language != NULL)
    FcPatternAddString (pattern, FC_LANG, (const FcChar8 *) pango_language_to_string (language));
  if (prgname != NULL)
    FcPatternAddString (pattern, FC_PRGNAME, (const FcChar8 *) prgname);
  FcConfigSubstitute (config, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (config, pattern, &result);
  FcPatternDestroy (pattern);
  if (match == NULL)
    return;
  /* A name with a comma would read as a list again. */
  if (FcPatternGetString (match, FC_FAMILY, 0, &family) == FcResultMatch
      && strchr ((const char *) family, ',') == NULL
      && FcPatternGetCharSet (match, FC_CHARSET, 0, &coverage) == FcResultMatch)
    {
      face->coverage = FcCharSetCopy (coverage);
      face->family = g_strdup ((const char *) family);
    }
  FcPatternDestroy (match);
}

/* Whether the resolved face for `flags` has every character of `text` (and an ellipsis, where
 * Pango may add one); resolves it on first use, once per process and weight. */
static const char *
resolved_family (PangoContext  *context,
                 const char    *text,
                 double         size_px,
                 LodeTextFlags  flags,
                 gboolean       ellipsis)
{
  static ResolvedFace faces[2];
  static gsize resolved[2];
  ResolvedFace *face = &faces[(flags & LODE_TEXT_BOLD) ? 1 : 0];
  gsize *once = &resolved[(flags & LODE_TEXT_BOLD) ? 1 : 0];

  if (g_once_init_enter (once))
    {
      resolve_face (face, context, size_px, flags);
      g_once_init_leave (once, 1);
    }
  if (face->family == NULL || (ellipsis && !FcCharSetHasChar (face->coverage, 0x2026)))
    return NULL;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!FcCharSetHasChar (face->coverage, g_utf8_get_char (p)))
      return NULL;
  return face->family;
}

static PangoFontDescription *
font_description (PangoContext  *context,
                  const char    *text,
                  double         size_px,
                  LodeTextFlags  flags,
                  gboolean       ellipsis)
{
  const char *family = resolved_family (context, text, size_px, flags, ellipsis);
  PangoFontDescription *font = pango_font_description_from_string (LODE_TEXT_FAMILY);

  if (family != NULL)
    pango_font_description_set_family (font, family);

  pango_font_description_set_absolute_size (font, size_px * PANGO_SCALE);
  pango_font_description_set_weight (font, (flags & LODE_TEXT_BOLD) ? PANGO_WEIGHT_BOLD
                                                                    : PANGO_WEIGHT_NORMAL);
  return font;
}

/* A shaped layout for (text, size, flags) in `context`, from the cache; not a new reference. */
static PangoLayout *
cached_layout (GHashTable    *cache,
               PangoContext  *context,
               const char    *text,
               double         size_px,
               LodeTextFlags  flags)
{
  TextKey lookup = { size_px, flags, (char *) (text != NULL ? text : "") }, *key;
  PangoFontDescription *font;
  PangoLayout *layout;

  layout = g_hash_table_lookup (cache, &lookup);
  if (layout != NULL)
    return layout;

  if (g_hash_table_size (cache) >= CACHE_MAX)
    g_hash_table_remove_all (cache);

  font = font_description (context, lookup.text, size_px, flags, FALSE);
  layout = pango_layout_new (context);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, lookup.text, -1);
  key = g_new (TextKey, 1);
  *key = (TextKey) { size_px, flags, g_strdup (lookup.text) };
  g_hash_table_insert (cache, key, layout);
  return layout;
}

void
lode_text_prepare (void)
{
  text_cache ();
}

PangoLayout *
lode_text_layout (cairo_t       *cr,
                  const char    *text,
                  double         size_px,
                  LodeTextFlags  flags)
{
  PangoLayout *layout;
  PangoFontDescription *font;

  if (cr == NULL)
    cr = text_cache ()->measure_cr;

  layout = pango_cairo_create_layout (cr);
  set_unhinted (pango_layout_get_context (layout));
  pango_layout_context_changed (layout);

  /* A caller may ellipsize it (lode_text_draw_line() does). */
  text = text != NULL ? text : "";
  font = font_description (pango_layout_get_context (layout), text, size_px, flags, TRUE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_text (layout, text, -1);
  return layout;
}

void
lode_text_measure (const char    *text,
                   double         size_px,
                   LodeTextFlags  flags,
                   double        *out_width,
                   double        *out_height)
{
  TextCache *tc = text_cache ();
  PangoLayout *layout = cached_layout (tc->measure_layouts, tc->measure_ctx, text, size_px,
                                       flags);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (out_width != NULL)
    *out_width = (double) logical.width / PANGO_SCALE;
  if (out_height != NULL)
    *out_height = (double) logical.height / PANGO_SCALE;
}

/* Shows `layout` with its top at y, `align` of its width left of x; returns its width. */
static double
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             double       align,
             LodeRgba     colour)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  cairo_save (cr);
  lode_cairo_set_rgba (cr, colour);
  cairo_move_to (cr, x - align * logical.width / PANGO_SCALE, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  return (double) logical.width / PANGO_SCALE;
}

/* Pango ignores the translation (metrics are unhinted) and the cairo_t's own font options
 * (the context has its own, set_unhinted()); what is left decides whether to update. */
static void
update_draw_context (TextCache *tc,
                     cairo_t   *cr)
{
  cairo_matrix_t m;

  cairo_get_matrix (cr, &m);
  cairo_surface_get_font_options (cairo_get_target (cr), tc->scratch_options);
  if (tc->draw_options != NULL
      && m.xx == tc->draw_matrix[0] && m.yx == tc->draw_matrix[1]
      && m.xy == tc->draw_matrix[2] && m.yy == tc->draw_matrix[3]
      && cairo_font_options_equal (tc->scratch_options, tc->draw_options))
    return;

  pango_cairo_update_context (cr, tc->draw_ctx);
  tc->draw_matrix[0] = m.xx;
  tc->draw_matrix[1] = m.yx;
  tc->draw_matrix[2] = m.xy;
  tc->draw_matrix[3] = m.yy;
  g_clear_pointer (&tc->draw_options, cairo_font_options_destroy);
  tc->draw_options = cairo_font_options_copy (tc->scratch_options);
  /* Both contexts come from measure_cr with the same options set on top: with an untransformed
   * target whose font options are measure_cr's (any image at 1x), they lay out alike. */
  tc->draw_as_measured = m.xx == 1 && m.yx == 0 && m.xy == 0 && m.yy == 1
                         && cairo_font_options_equal (tc->scratch_options, tc->measure_options);
}

void
lode_text_draw (cairo_t       *cr,
                const char    *text,
                double         x,
                double         y,
                double         size_px,
                LodeTextFlags  flags,
                double         align,
                LodeRgba       colour)
{
  TextCache *tc = text_cache ();
  PangoLayout *layout;

  /* Follows the target's transformation and font options (it keeps our unhinted ones on top);
   * the cached layouts are re-shaped only if these really changed. When the drawing context
   * lays out as the measuring one, the layouts that measured the labels (the layout step
   * measures every text it places) draw them too, shaped once instead of twice. */
  update_draw_context (tc, cr);
  if (tc->draw_as_measured)
    layout = cached_layout (tc->measure_layouts, tc->measure_ctx, text, size_px, flags);
  else
    layout = cached_layout (tc->draw_layouts, tc->draw_ctx, text, size_px, flags);
  show_layout (cr, layout, x, y, align, colour);
}

double
lode_text_draw_line (cairo_t       *cr,
                     const char    *text,
                     double         x,
                     double         y,
                     double         max_width,
                     double         size_px,
                     LodeTextFlags  flags,
                     double         align,
                     LodeRgba       colour)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (max_width <= 0)
    return 0;
  layout = lode_text_layout (cr, text, size_px, flags);
  pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return show_layout (cr, layout, x, y, align, colour);
}
