/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-application.c — single instance, app actions, style, recent files, opening files. */

#define G_LOG_DOMAIN "lode-application"

#include "config.h"

#include <glib/gi18n.h>

#include "lode-application.h"
#include "lode-presets.h"
#include "lode-window.h"

#define MAX_RECENT 8

struct _LodeApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  LodeDataset    *dataset;
  GMenu          *recent_menu;

  /* Borrowed */
  GtkRecentManager *recent_manager;
  GHashTable     *offered;   /* autosaves offered for restoring, each only once */
};

G_DEFINE_FINAL_TYPE (LodeApplication, lode_application, ADW_TYPE_APPLICATION)

/* libadwaita's style manager names GTK's theme "Adwaita-empty" unless GTK_THEME is set, and
 * styles every widget itself. GTK parses its Default theme first, when its settings are made
 * (80 M instructions, a third of libadwaita's start); with the empty theme in GTK_THEME until
 * then it parses nothing, and libadwaita finds GTK_THEME unset again. */
static gboolean gtk_theme_skipped;

/* Helpers */

static gboolean
is_scenario (GtkRecentInfo *info)
{
  const char *mime = gtk_recent_info_get_mime_type (info);
  const char *uri = gtk_recent_info_get_uri (info);

  if (!gtk_recent_info_is_local (info) || !gtk_recent_info_exists (info))
    return FALSE;
  return g_strcmp0 (mime, LODE_SCENARIO_MIME_TYPE) == 0 || g_str_has_suffix (uri, ".lodestone");
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;
  GDateTime *ta = gtk_recent_info_get_modified (ia);  /* transfer none */
  GDateTime *tb = gtk_recent_info_get_modified (ib);

  if (ta == NULL || tb == NULL)
    return (ta == NULL) - (tb == NULL);
  return g_date_time_compare (tb, ta);  /* newest first */
}

static void
rebuild_recent_menu (LodeApplication *self)
{
  g_autoptr(GPtrArray) infos = NULL;
  GList *items = gtk_recent_manager_get_items (self->recent_manager);

  infos = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (is_scenario (info))
        g_ptr_array_add (infos, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (infos, compare_recent);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; i < infos->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (infos, i);
      g_autoptr(GMenuItem) item = NULL;
      /* Underscores in file names would otherwise turn into mnemonics. */
      g_auto(GStrv) parts = g_strsplit (gtk_recent_info_get_display_name (info), "_", -1);
      g_autofree char *label = g_strjoinv ("__", parts);

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s",
                                         gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
    }

  if (infos->len == 0)
    {
      /* An item without an action shows greyed out. */
      g_menu_append (self->recent_menu, _("No Recent Scenarios"), "win.no-recent");
    }
}

/* The New Scenario submenu lists the presets' table, so it cannot miss one. */
static void
fill_new_menu (LodeApplication *self)
{
  GMenu *menu = gtk_application_get_menu_by_id (GTK_APPLICATION (self), "new_section");

  if (menu == NULL)
    return;
  g_menu_remove_all (menu);
  for (guint i = 0; i < lode_presets_get_n (); i++)
    {
      const LodePreset *preset = lode_presets_get (i);
      g_autoptr(GMenuItem) item = g_menu_item_new (lode_preset_get_menu_label (preset), NULL);

      g_menu_item_set_action_and_target (item, "win.new", "s", preset->id);
      g_menu_append_item (menu, item);
    }
}

static void
recent_changed_cb (LodeApplication *self)
{
  rebuild_recent_menu (self);
}

static LodeWindow *
get_or_create_window (LodeApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (LODE_IS_WINDOW (window))
    return LODE_WINDOW (window);
  return lode_window_new (self);
}

/* Actions */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  LodeApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing each window asks about unsaved changes; the application quits with the last. */
  if (windows == NULL)
    {
      g_application_quit (G_APPLICATION (self));
      return;
    }
  windows = g_list_copy (windows);
  for (GList *l = windows; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  LodeApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Lodestone authors"), NULL };
  const char *data_sources[] = {
    /* Translators: data sources named in the About window */
    _("USGS Mineral Commodity Summaries 2025 https://doi.org/10.5066/P13XCP3R"),
    _("IEA Global Critical Minerals Outlook 2024 and 2025 "
      "https://www.iea.org/reports/global-critical-minerals-outlook-2024"),
    _("US DOE Rare Earth Permanent Magnets Supply Chain Deep Dive Assessment (2022)"),
    NULL
  };
  const char *filings[] = {
    "MP Materials", "Lynas Rare Earths", "Iluka Resources", "Arafura Rare Earths",
    "Energy Fuels", "Neo Performance Materials", "USA Rare Earth", "Vulcan Elements", NULL
  };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  adw_about_window_set_application_name (about, _("Lodestone"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Lodestone authors"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_comments (about,
    _("Plan the rare-earth supply chain from mine to magnet: move investment and policy "
      "levers and see, year by year, how much of the United States’ magnet demand is met "
      "free of China, at what public cost and when."));
  adw_about_window_set_website (about, "https://github.com/lodestone/lodestone");
  adw_about_window_set_issue_url (about, "https://github.com/lodestone/lodestone/issues");
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_copyright (about, _("© 2026 The Lodestone authors"));
  /* Translators: put your names here, one per line */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_add_credit_section (about, _("Data Sources"), data_sources);
  adw_about_window_add_acknowledgement_section (about, _("Company Filings"), filings);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_action },
  { .name = "about", .activate = about_action },
};

/* GApplication */

void
lode_application_skip_gtk_theme (void)
{
  if (g_getenv ("GTK_THEME") != NULL)
    return;
  g_setenv ("GTK_THEME", "Adwaita-empty", TRUE);
  gtk_theme_skipped = TRUE;
}

void
lode_application_init_libadwaita (void)
{
  /* unsetenv() moves pointers in place and frees nothing: safe beside the D-Bus thread that
   * runs by the application's start-up, unlike the setenv() before it. */
  if (gtk_theme_skipped)
    {
      gtk_settings_get_default ();
      g_unsetenv ("GTK_THEME");
      gtk_theme_skipped = FALSE;
    }
  adw_init ();
}

static void
lode_application_startup (GApplication *application)
{
  LodeApplication *self = LODE_APPLICATION (application);
  g_autoptr(GtkCssProvider) css = NULL;
  g_autoptr(GError) error = NULL;
  GMenu *recent;
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit",              { "<Control>q", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.new::baseline",     { "<Control>n", NULL } },
    { "win.open",              { "<Control>o", NULL } },
    { "win.save",              { "<Control>s", NULL } },
    { "win.save-as",           { "<Control><Shift>s", NULL } },
    { "win.export",            { "<Control>e", NULL } },
    { "win.copy-image",        { "<Control><Shift>c", NULL } },
    { "win.undo",              { "<Control>z", NULL } },
    { "win.redo",              { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.presentation",      { "F5", NULL } },
    { "win.show-panel",        { "F9", NULL } },
    { "win.data-table('')",    { "<Control>t", NULL } },
    { "window.close",          { "<Control>w", NULL } },
  };

  /* GTK, then libadwaita without GTK's theme; the chain-up finds both started. Without a
   * display the chain-up's gtk_init() says so. */
  if (gtk_init_check ())
    lode_application_init_libadwaita ();
  G_APPLICATION_CLASS (lode_application_parent_class)->startup (application);

  self->dataset = lode_dataset_load_default (&error);
  if (self->dataset == NULL)
    g_error ("The reference dataset built into Lodestone is broken: %s", error->message);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);

  /* Follow the desktop's light or dark preference. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/lodestone/Lodestone/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  /* menus.ui (loaded by GtkApplication from the resource base path) holds the primary
   * menu; its New Scenario section is filled from the presets, its Open Recent section from
   * the recent-files list. */
  fill_new_menu (self);
  recent = gtk_application_get_menu_by_id (GTK_APPLICATION (self), "recent_section");
  if (recent != NULL)
    self->recent_menu = g_object_ref (recent);
  else
    self->recent_menu = g_menu_new ();
  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect_object (self->recent_manager, "changed",
                           G_CALLBACK (recent_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);
}

/* What a Lodestone that crashed or was killed left unsaved is offered for restoring when
 * Lodestone starts (or is started again), the newest in `first`, any others in windows of
 * their own; each only once in the life of this process. */
static void
offer_recoveries (LodeApplication *self,
                  LodeWindow      *first)
{
  g_autofree char *dir = lode_autosave_default_dir ();
  g_autoptr(GPtrArray) orphans = lode_autosave_find_orphans (dir);

  while (orphans->len > 0)
    {
      LodeRecovery *recovery = g_ptr_array_steal_index (orphans, 0);
      LodeWindow *window;

      if (!g_hash_table_add (self->offered, g_strdup (recovery->scenario_path)))
        {
          lode_recovery_free (recovery);
          continue;
        }
      /* A window that already asks something (a file that did not open) is left to it. */
      window = first != NULL && lode_window_get_dialog (first) == NULL ?
               first : lode_window_new (self);
      first = NULL;
      gtk_window_present (GTK_WINDOW (window));
      lode_window_offer_recovery (window, recovery);
    }
}

static void
lode_application_activate (GApplication *application)
{
  LodeApplication *self = LODE_APPLICATION (application);
  gboolean fresh = gtk_application_get_active_window (GTK_APPLICATION (self)) == NULL;
  LodeWindow *window = get_or_create_window (self);

  /* The first time Lodestone starts without a file, it starts with the presets. */
  if (fresh && lode_window_is_first_run (window))
    lode_window_show_start_page (window);
  if (fresh)
    lode_window_prepare_first_frame (window);
  gtk_window_present (GTK_WINDOW (window));
  offer_recoveries (self, window);
}

static void
lode_application_open (GApplication  *application,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  LodeApplication *self = LODE_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      /* The first file goes to the current window (a second `lodestone FILE` lands here);
       * any further ones get windows of their own. */
      gboolean fresh = i > 0
                       || gtk_application_get_active_window (GTK_APPLICATION (self)) == NULL;
      LodeWindow *window = i == 0 ? get_or_create_window (self) : lode_window_new (self);

      /* The file first, so the first frame shows it rather than the Baseline. */
      lode_window_open_file (window, files[i]);
      if (fresh)
        lode_window_prepare_first_frame (window);
      gtk_window_present (GTK_WINDOW (window));
      if (i == 0)
        offer_recoveries (self, window);
    }
}

/* GObject */

static void
lode_application_dispose (GObject *object)
{
  LodeApplication *self = LODE_APPLICATION (object);

  if (self->recent_manager != NULL)
    g_signal_handlers_disconnect_by_data (self->recent_manager, self);
  self->recent_manager = NULL;
  g_clear_object (&self->recent_menu);

  G_OBJECT_CLASS (lode_application_parent_class)->dispose (object);
}

static void
lode_application_finalize (GObject *object)
{
  LodeApplication *self = LODE_APPLICATION (object);

  g_clear_pointer (&self->dataset, lode_dataset_unref);
  g_clear_pointer (&self->offered, g_hash_table_unref);

  G_OBJECT_CLASS (lode_application_parent_class)->finalize (object);
}

static void
lode_application_class_init (LodeApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lode_application_dispose;
  object_class->finalize = lode_application_finalize;
  app_class->startup = lode_application_startup;
  app_class->activate = lode_application_activate;
  app_class->open = lode_application_open;
}

static void
lode_application_init (LodeApplication *self)
{
  self->offered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Public API */

LodeApplication *
lode_application_new (void)
{
  g_set_application_name (_("Lodestone"));
  gtk_window_set_default_icon_name (APP_ID);

  return g_object_new (LODE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/lodestone/Lodestone",
                       NULL);
}

LodeDataset *
lode_application_get_dataset (LodeApplication *self)
{
  g_return_val_if_fail (LODE_IS_APPLICATION (self), NULL);
  return self->dataset;
}
