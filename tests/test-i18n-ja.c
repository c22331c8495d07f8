/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-i18n-ja.c — Lodestone in Japanese, for a partner country's planners: po/ja.po is
 * complete; the window, its start page, its data table and an export show no string that fell
 * back to English; and no glyph is missing, neither in the window's labels nor in any
 * translation as the exports draw it (Pango's count of unknown glyphs). */

#define G_LOG_DOMAIN "test-i18n-ja"
#define _GNU_SOURCE

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lode-data-table.h"
#include "lode-export.h"
#include "lode-text.h"
#include "lode-window-private.h"
#include "ui-test-util.h"

static LodeApplication *app;
/* msgid → msgstr of po/ja.po */
static GHashTable *catalogue;

/* The text of one quoted PO string, its escapes undone. */
static void
append_po_string (GString    *out,
                  const char *line)
{
  const char *start = strchr (line, '"');
  const char *end = strrchr (line, '"');
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;

  g_assert_true (start != NULL && end != NULL && end > start);
  raw = g_strndup (start + 1, end - start - 1);
  text = g_strcompress (raw);
  g_string_append (out, text);
}

/* Reads po/ja.po: every entry (plural forms by their first form); fails on a fuzzy or
 * untranslated entry. */
static GHashTable *
read_catalogue (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "ja.po", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GString *id = NULL, *str = NULL, *target = NULL;
  gboolean fuzzy = FALSE;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "#,") && strstr (line, "fuzzy") != NULL)
        fuzzy = TRUE;
      else if (g_str_has_prefix (line, "msgid "))
        {
          if (id != NULL)
            g_hash_table_insert (table, g_string_free (id, FALSE), g_string_free (str, FALSE));
          id = g_string_new (NULL);
          str = NULL;
          target = id;
          append_po_string (id, line);
        }
      else if (g_str_has_prefix (line, "msgid_plural "))
        target = NULL;
      else if (g_str_has_prefix (line, "msgstr ") || g_str_has_prefix (line, "msgstr[0] "))
        {
          str = g_string_new (NULL);
          target = str;
          append_po_string (str, line);
        }
      else if (g_str_has_prefix (line, "msgstr["))
        target = NULL;
      else if (line[0] == '"' && target != NULL)
        append_po_string (target, line);
      else if (line[0] == '\0' && id != NULL && str != NULL)
        {
          if (id->len > 0)
            {
              if (fuzzy || str->len == 0)
                g_error ("po/ja.po: “%s” is %s", id->str, fuzzy ? "fuzzy" : "untranslated");
            }
          g_hash_table_insert (table, g_string_free (id, FALSE), g_string_free (str, FALSE));
          id = str = NULL;
          target = NULL;
          fuzzy = FALSE;
        }
    }
  if (id != NULL)
    g_hash_table_insert (table, g_string_free (id, FALSE), str != NULL
                         ? g_string_free (str, FALSE) : g_strdup (""));
  return table;
}

/* A string the program shows that is an English original whose Japanese differs: it fell
 * back to English. */
static gboolean
is_english (const char *text)
{
  const char *translation;

  if (text == NULL || text[0] == '\0')
    return FALSE;
  translation = g_hash_table_lookup (catalogue, text);
  return translation != NULL && translation[0] != '\0' && g_strcmp0 (translation, text) != 0;
}

typedef struct
{
  guint n_texts;
  guint n_english;
  guint n_unknown_glyphs;
} Census;

static void
check_text (Census     *census,
            const char *text,
            const char *where)
{
  if (text == NULL || text[0] == '\0')
    return;
  census->n_texts++;
  if (is_english (text))
    {
      census->n_english++;
      g_test_message ("English in %s: “%s”", where, text);
    }
}

/* Every label, tooltip and row title under `widget`, and each label's glyphs. */
static void
walk (GtkWidget *widget,
      Census    *census)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);

  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (widget));
      int unknown = pango_layout_get_unknown_glyphs_count (layout);

      check_text (census, gtk_label_get_label (GTK_LABEL (widget)), type);
      check_text (census, gtk_label_get_text (GTK_LABEL (widget)), type);
      if (unknown > 0)
        {
          census->n_unknown_glyphs += (guint) unknown;
          g_test_message ("missing glyphs in “%s”", gtk_label_get_text (GTK_LABEL (widget)));
        }
    }
  check_text (census, gtk_widget_get_tooltip_text (widget), "a tooltip");
  if (ADW_IS_PREFERENCES_ROW (widget))
    check_text (census, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), type);
  if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      check_text (census, adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), type);
      check_text (census, adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (widget)),
                  type);
    }
  if (ADW_IS_WINDOW_TITLE (widget))
    {
      check_text (census, adw_window_title_get_title (ADW_WINDOW_TITLE (widget)), type);
      check_text (census, adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget)), type);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (child, census);
}

static void
walk_menu (GMenuModel *menu,
           Census     *census)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        check_text (census, label, "the main menu");
      while (g_menu_link_iter_get_next (links, NULL, &link))
        {
          walk_menu (link, census);
          g_object_unref (link);
        }
    }
}

static void
assert_all_japanese (GtkWidget  *widget,
                     const char *what)
{
  Census census = { 0 };

  walk (widget, &census);
  g_test_message ("%s: %u texts, %u in English, %u missing glyphs", what, census.n_texts,
                  census.n_english, census.n_unknown_glyphs);
  g_assert_cmpuint (census.n_texts, >, 20);
  g_assert_cmpuint (census.n_english, ==, 0);
  g_assert_cmpuint (census.n_unknown_glyphs, ==, 0);
}

/* The catalogue is complete and used: a string from code, a template, the model. */
static void
test_catalogue (void)
{
  g_assert_cmpuint (g_hash_table_size (catalogue), >, 800);
  g_assert_cmpstr (_("Save Changes?"), ==, "変更を保存しますか?");
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "preset", "Mine to Magnet"), ==,
                   "鉱山から磁石まで");
  g_assert_cmpstr (lode_stage_name (LODE_STAGE_SEPARATION), ==, "分離");
}

/* The window (the plan, then the start page), its menu and a data table: all Japanese, every
 * glyph drawn. */
static void
test_window (void)
{
  LodeWindow *win = g_object_ref (lode_window_new (app));
  Census census = { 0 };
  GMenuModel *menu;

  gtk_window_present (GTK_WINDOW (win));
  ui_test_wait_frames (GTK_WIDGET (win), 3);
  assert_all_japanese (GTK_WIDGET (win), "the plan");

  menu = gtk_menu_button_get_menu_model (win->menu_button);
  g_assert_nonnull (menu);
  walk_menu (menu, &census);
  g_assert_cmpuint (census.n_texts, >, 10);
  g_assert_cmpuint (census.n_english, ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (win), "win.data-table", "s", "chart");
  ui_test_wait_frames (win->data_table, 2);
  assert_all_japanese (win->data_table, "the data table");

  lode_window_show_start_page (win);
  ui_test_wait_frames (GTK_WIDGET (win), 2);
  assert_all_japanese (win->start_page, "the start page");
  ui_test_finish_window (win);
}

/* Every translation as the exports draw it (their own font description): no unknown glyph. */
static void
test_glyphs (void)
{
  GHashTableIter iter;
  gpointer key, value;
  guint n_checked = 0;

  g_hash_table_iter_init (&iter, catalogue);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(PangoLayout) layout = lode_text_layout (NULL, value, 13, LODE_TEXT_NORMAL);
      g_autoptr(PangoLayout) bold = lode_text_layout (NULL, value, 13, LODE_TEXT_BOLD);

      if (pango_layout_get_unknown_glyphs_count (layout) > 0
          || pango_layout_get_unknown_glyphs_count (bold) > 0)
        g_error ("missing glyphs drawing “%s”", (const char *) value);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 800);
}

/* An exported slide in Japanese: its text is Japanese, and a CJK font is embedded. */
static void
test_export (void)
{
  g_autoptr(GError) error = NULL;
  LodeWindow *win = g_object_ref (lode_window_new (app));
  LodeDocument *doc = lode_window_get_document (win);
  g_autofree char *dir = g_dir_make_tmp ("lode-ja-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "slide.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  LodeExportRequest req;
  const char *text_argv[] = { "pdftotext", "-raw", path, "-", NULL };
  const char *fonts_argv[] = { "pdffonts", path, NULL };

  g_assert_no_error (error);
  g_assert_true (lode_document_new_from_preset (doc, "mine-to-magnet", &error));
  lode_export_request_init (&req, lode_document_get_projection (doc),
                            lode_document_get_baseline (doc), NULL);
  lode_export_request_apply_scenario (&req, lode_document_get_scenario (doc));
  req.view = LODE_EXPORT_VIEW_SLIDE;
  req.sources_page = TRUE;
  g_assert_true (lode_export_to_file (&req, LODE_EXPORT_FORMAT_PDF, 1920, 1080, 1, path,
                                      &error));
  g_assert_no_error (error);

  g_assert_true (g_spawn_sync (NULL, (char **) text_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("pdftotext: %s", text);
  g_assert_nonnull (strstr (text, "鉱山から磁石まで"));                /* the title */
  g_assert_nonnull (strstr (text, "米国の磁石需要の中国非依存率"));    /* the chart */
  g_assert_nonnull (strstr (text, "データ出典"));                      /* the sources page */
  g_assert_null (strstr (text, "China-free share of US magnet demand"));
  g_assert_null (strstr (text, "more sources"));
  g_assert_null (strstr (text, "Mine to Magnet"));

  g_assert_true (g_spawn_sync (NULL, (char **) fonts_argv, NULL, G_SPAWN_SEARCH_PATH, NULL,
                               NULL, &fonts, NULL, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("pdffonts: %s", fonts);
  g_assert_nonnull (strstr (fonts, "CJK"));

  g_unlink (path);
  g_rmdir (dir);
  ui_test_finish_window (win);
}

int
main (int    argc,
      char **argv)
{
  int status;

  ui_test_init_in_language (&argc, &argv, "ja");
  app = ui_test_app_new ();
  catalogue = read_catalogue ();

  g_test_add_func ("/lode/i18n-ja/catalogue", test_catalogue);
  g_test_add_func ("/lode/i18n-ja/window", test_window);
  g_test_add_func ("/lode/i18n-ja/glyphs", test_glyphs);
  g_test_add_func ("/lode/i18n-ja/export", test_export);

  status = ui_test_run_with_app (app);
  g_hash_table_unref (catalogue);
  return status;
}
