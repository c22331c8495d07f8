/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-start-page.c — presets as cards, Open… and the recent scenarios. */

#define G_LOG_DOMAIN "lode-start-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lode-headlines.h"
#include "lode-presets.h"
#include "lode-projection.h"
#include "lode-scenario-io.h"
#include "lode-start-page.h"

/* The year whose China-free share a card shows. */
#define CARD_YEAR 2035
/* A card's width: at least this many px, its text wrapping at about this many characters, so
 * four stand in a row on a wide window. */
#define CARD_MIN_WIDTH 200
#define CARD_CHARS     22
/* The title's natural width, in its larger type: the grid flows at the cards' natural width,
 * so a long title ("Controls of October 2025") must not widen every card past a fourth of
 * the page at 1280 px; it wraps instead. */
#define CARD_TITLE_CHARS 14

struct _LodeStartPage
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkFlowBox *presets_box;
  GtkListBox *recent_list;
  GtkWidget  *no_recent_label;

  /* Owned */
  GMenuModel *recent;
  GPtrArray  *cards;   /* GtkWidget *, borrowed from presets_box */
};

G_DEFINE_FINAL_TYPE (LodeStartPage, lode_start_page, GTK_TYPE_WIDGET)

/* Helpers */

/* "34%": the China-free share the preset reaches in CARD_YEAR, or NULL. */
static char *
dup_figure (LodeDataset      *dataset,
            const LodePreset *preset)
{
  g_autoptr(LodeScenario) scenario = lode_scenario_load_preset (dataset, preset->id, NULL);
  g_autoptr(LodeProjection) projection = NULL;
  LodeHeadlines headlines;
  LodeHeadlineText text = { NULL, NULL, NULL, LODE_HEADLINE_NEUTRAL };
  char *value;

  if (scenario == NULL || (projection = lode_projection_run (dataset, scenario, NULL)) == NULL)
    return NULL;
  lode_headlines_compute (projection, NULL, 0.5, &headlines);
  lode_headlines_format (&headlines, LODE_HEADLINE_CHINA_FREE_2035, &text);
  value = g_steal_pointer (&text.value);
  lode_headline_text_clear (&text);
  return value;
}

static GtkWidget *
make_card (const LodePreset *preset,
           const char       *figure)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (lode_preset_get_title (preset));
  GtkWidget *story = gtk_label_new (lode_preset_get_story (preset));
  GtkWidget *value = gtk_label_new (figure != NULL ? figure : "—");
  /* Translators: under the figure on a preset's card on the start page; %d is a year */
  g_autofree char *caption_text = g_strdup_printf (_("of US magnet demand met free of "
                                                     "China in %d"), CARD_YEAR);
  GtkWidget *caption = gtk_label_new (caption_text);
  g_autofree char *spoken = NULL;

  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "preset-card");
  gtk_widget_set_size_request (button, CARD_MIN_WIDTH, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.new");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", preset->id);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_add_css_class (title, "title-3");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (story), 0);
  gtk_label_set_wrap (GTK_LABEL (story), TRUE);
  gtk_label_set_lines (GTK_LABEL (story), 3);
  gtk_label_set_max_width_chars (GTK_LABEL (story), CARD_CHARS);
  gtk_label_set_max_width_chars (GTK_LABEL (title), CARD_TITLE_CHARS);
  gtk_label_set_max_width_chars (GTK_LABEL (caption), CARD_CHARS);
  gtk_label_set_ellipsize (GTK_LABEL (story), PANGO_ELLIPSIZE_END);
  gtk_widget_set_valign (story, GTK_ALIGN_START);
  gtk_widget_add_css_class (story, "dim-label");
  gtk_widget_add_css_class (value, "title-1");
  gtk_widget_add_css_class (value, "accent");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), story);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_button_set_child (GTK_BUTTON (button), box);

  /* Translators: what a screen reader says for a preset card: title, story, figure */
  spoken = g_strdup_printf (_("%s. %s %s %s"), lode_preset_get_title (preset),
                            lode_preset_get_story (preset), figure != NULL ? figure : "",
                            caption_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
  return button;
}

static void
rebuild_recent (LodeStartPage *self)
{
  GtkWidget *child;
  guint n = self->recent != NULL ? (guint) g_menu_model_get_n_items (self->recent) : 0;

  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) parts = NULL;
      g_autofree char *name = NULL;
      g_autofree char *label = NULL;
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = NULL;
      g_autoptr(GFile) file = NULL;
      g_autofree char *where = NULL;
      GtkWidget *row;

      if (!g_menu_model_get_item_attribute (self->recent, i, G_MENU_ATTRIBUTE_LABEL, "s",
                                            &label)
          || !g_menu_model_get_item_attribute (self->recent, i, G_MENU_ATTRIBUTE_ACTION, "s",
                                               &action))
        continue;
      target = g_menu_model_get_item_attribute_value (self->recent, i, G_MENU_ATTRIBUTE_TARGET,
                                                      G_VARIANT_TYPE_STRING);
      /* The menu's "No Recent Scenarios" placeholder has no file. */
      if (target == NULL)
        continue;
      /* The menu doubles underscores so they are not mnemonics. */
      parts = g_strsplit (label, "__", -1);
      name = g_strjoinv ("_", parts);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      file = g_file_new_for_uri (g_variant_get_string (target, NULL));
      where = g_file_get_parse_name (file);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), shown > 0);
  gtk_widget_set_visible (self->no_recent_label, shown == 0);
}

static void
recent_changed_cb (LodeStartPage *self)
{
  rebuild_recent (self);
}

/* GObject */

static void
lode_start_page_dispose (GObject *object)
{
  LodeStartPage *self = LODE_START_PAGE (object);

  if (self->recent != NULL)
    g_signal_handlers_disconnect_by_data (self->recent, self);
  g_clear_object (&self->recent);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), LODE_TYPE_START_PAGE);
  /* The template's top box is not a bound child: unparent it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lode_start_page_parent_class)->dispose (object);
}

static void
lode_start_page_class_init (LodeStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lode_start_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lodestone/Lodestone/ui/"
                                               "lode-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LodeStartPage, presets_box);
  gtk_widget_class_bind_template_child (widget_class, LodeStartPage, recent_list);
  gtk_widget_class_bind_template_child (widget_class, LodeStartPage, no_recent_label);
  gtk_widget_class_set_css_name (widget_class, "startpage");
}

static void
lode_start_page_init (LodeStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cards = g_ptr_array_new ();
  rebuild_recent (self);
}

/* Public API */

GtkWidget *
lode_start_page_new (void)
{
  return g_object_new (LODE_TYPE_START_PAGE, NULL);
}

void
lode_start_page_set_dataset (LodeStartPage *self,
                             LodeDataset   *dataset)
{
  GtkWidget *child;

  g_return_if_fail (LODE_IS_START_PAGE (self));
  g_return_if_fail (dataset != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->presets_box))) != NULL)
    gtk_flow_box_remove (self->presets_box, child);
  g_ptr_array_set_size (self->cards, 0);
  for (guint i = 0; i < lode_presets_get_n (); i++)
    {
      const LodePreset *preset = lode_presets_get (i);
      g_autofree char *figure = dup_figure (dataset, preset);
      GtkWidget *card = make_card (preset, figure);

      gtk_flow_box_append (self->presets_box, card);
      g_ptr_array_add (self->cards, card);
    }
}

void
lode_start_page_set_recent (LodeStartPage *self,
                            GMenuModel    *recent)
{
  g_return_if_fail (LODE_IS_START_PAGE (self));
  g_return_if_fail (recent == NULL || G_IS_MENU_MODEL (recent));

  if (self->recent != NULL)
    g_signal_handlers_disconnect_by_data (self->recent, self);
  g_set_object (&self->recent, recent);
  if (recent != NULL)
    g_signal_connect_object (recent, "items-changed", G_CALLBACK (recent_changed_cb), self,
                             G_CONNECT_SWAPPED);
  rebuild_recent (self);
}

GtkWidget *
lode_start_page_get_preset_card (LodeStartPage *self,
                                 guint          index)
{
  g_return_val_if_fail (LODE_IS_START_PAGE (self), NULL);
  g_return_val_if_fail (index < self->cards->len, NULL);

  return g_ptr_array_index (self->cards, index);
}

guint
lode_start_page_get_n_recent (LodeStartPage *self)
{
  guint n = 0;

  g_return_val_if_fail (LODE_IS_START_PAGE (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}
