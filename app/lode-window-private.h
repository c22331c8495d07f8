/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What lode-window.c (layout, live projection, settings, presentation) and
 * lode-window-actions.c (actions, files, dialogs) share. Private to the app library.
 */
#pragma once

#include "lode-autosave.h"
#include "lode-chart-layout.h"
#include "lode-flow-layout.h"
#include "lode-headlines.h"
#include "lode-presets.h"
#include "lode-window.h"

G_BEGIN_DECLS

typedef enum
{
  LODE_PRESENT_DIAGRAM,
  LODE_PRESENT_CHARTS,
  LODE_PRESENT_SLIDE,
  LODE_N_PRESENT_VIEWS
} LodePresentView;

/* What to do once the unsaved-changes question is answered with Save or Discard. */
typedef enum
{
  LODE_PENDING_NONE,
  LODE_PENDING_CLOSE,
  LODE_PENDING_OPEN_FILE,
  LODE_PENDING_OPEN_DIALOG,
  LODE_PENDING_NEW,
} LodePending;

/* lode-window-analyses.c: the analyses, their toggles and views. */
typedef struct _LodeWindowAnalyses LodeWindowAnalyses;

struct _LodeWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *title_button;
  GtkWidget            *scenario_panel;
  GtkToggleButton      *panel_button;
  GtkMenuButton        *menu_button;
  GtkStack             *main_stack;
  GtkWidget            *start_page;
  AdwFlap              *flap;
  GtkPaned             *paned;
  GtkWidget            *levers_panel;
  GtkWidget            *diagram_area;
  GtkWidget            *flow_view;
  GtkWidget            *year_control;
  GtkWidget            *material_switcher;
  GtkWidget            *charts_area;
  GtkWidget            *cards;
  GtkWidget            *chart_bar;
  GtkWidget            *chart_switcher;
  GtkWidget            *chart_switcher_scroller;
  GtkWidget            *chart_menu_button;
  GtkWidget            *chart_controls;
  GtkWidget            *chart_row;
  GtkWidget            *stage_box;
  GtkDropDown          *stage_dropdown;
  GtkWidget            *target_box;
  GtkAdjustment        *target_adjustment;
  GtkWidget            *chart_view;

  /* Owned */
  LodeDataset          *dataset;
  LodeDocument         *document;
  LodeAutosave         *autosave;
  LodeRecovery         *recovery;     /* offered for restoring, until answered */
  LodeScenario         *recovered;    /* its scenario */
  GSettings            *settings;
  GtkNativeDialog      *chooser;
  char                 *last_error;
  GFile                *pending_file;
  char                 *pending_preset;
  LodeScenario         *origin;       /* the preset the scenario started from, as it ships */
  char                 *pending_response; /* the answer to "Save Changes?", until it runs */

  LodeWindowAnalyses   *analyses;

  /* Borrowed */
  const LodePreset     *origin_preset;
  AdwMessageDialog     *dialog;       /* the question or error on screen, if any */
  GtkWidget            *data_table;   /* LodeDataTable, while open (weak) */
  GtkWidget            *sources_window; /* LodeSourcesWindow, while open (weak) */
  /* LodeExplainPopover per headline card, owned, made when the card is first activated and
   * kept with the window: GTK 4.8 may ask a destroyed popover's surface for the pointer. */
  GtkWidget            *explain_popovers[LODE_N_HEADLINES];

  LodePending           pending;
  LodePresentView       present_view;
  GtkWidget            *last_area;    /* diagram_area or charts_area, whichever was used last */
  guint                 tick_id;
  guint                 layout_tick_id;
  guint                 response_id;  /* idle that runs pending_response */
  int                   range_first;
  int                   range_last;
  int                   pane_before_presenting;
  guint                 presentation : 1;
  guint                 close_confirmed : 1;
  guint                 syncing_year : 1;
  guint                 panel_before_presenting : 1;
  guint                 folded : 1;         /* the levers panel overlays the content */
  guint                 cards_beside : 1;   /* the headline cards stand beside the chart */
  guint                 pane_pending : 1;   /* the first-run split waits for a real height */
  guint                 table_shows_flow : 1;
  guint                 origin_modified : 1; /* levers moved since the preset */
};

/* lode-window-actions.c */
void      lode_window_init_actions      (LodeWindow   *self);
/* Makes `dialog` the one the window shows; `response_cb` gets the window as its data. */
void      lode_window_present_dialog    (LodeWindow       *self,
                                         AdwMessageDialog *dialog,
                                         GCallback         response_cb);
/* Closes the file chooser and message dialog on screen without running their responses. */
void      lode_window_close_dialogs     (LodeWindow   *self);
void      lode_window_update_actions    (LodeWindow   *self);
void      lode_window_set_chart         (LodeWindow   *self,
                                         LodeChartKind kind);
void      lode_window_set_material      (LodeWindow      *self,
                                         LodeFlowMaterial material);
void      lode_window_sync_panel_action (LodeWindow   *self);
void      lode_window_show_error        (LodeWindow   *self,
                                         const char   *heading,
                                         const GError *error);
gboolean  lode_window_load_now          (LodeWindow   *self,
                                         GFile        *file);
/* Runs `pending` now, or after asking about unsaved changes. */
void      lode_window_confirm_then      (LodeWindow   *self,
                                         LodePending   pending,
                                         GFile        *file,
                                         const char   *preset_id);

/* lode-window-analyses.c */
void      lode_window_init_analyses     (LodeWindow   *self);
/* After a new projection: the difference view, when it shows. */
void      lode_window_analyses_update   (LodeWindow   *self);
gboolean  lode_window_analyses_showing_diff (LodeWindow *self);
void      lode_window_analyses_free     (LodeWindow   *self);

/* lode-window-views.c: the data table and the Sources view */
void      lode_window_init_views        (LodeWindow   *self);
/* Shows the current projection in an open data table. */
void      lode_window_refresh_views     (LodeWindow   *self);
void      lode_window_close_views       (LodeWindow   *self);
/* lode-window-explain.c: a headline card's breakdown beside it, or its sources when it has
 * none. */
void      lode_window_explain_headline  (LodeWindow   *self,
                                         LodeHeadline  which);
void      lode_window_close_explanation (LodeWindow   *self);
/* lode-window-recovery.c */
void      lode_window_init_autosave     (LodeWindow   *self);
void      lode_window_clear_autosave    (LodeWindow   *self);

/* lode-window.c */
void      lode_window_schedule_update   (LodeWindow   *self);
void      lode_window_step_year         (LodeWindow   *self,
                                         int           delta);
void      lode_window_step_present_view (LodeWindow   *self,
                                         int           delta);
void      lode_window_toast             (LodeWindow   *self,
                                         const char   *text);
/* lode-window-chart-bar.c: the toggles, menu and stage list the template cannot list. */
void      lode_window_fill_chart_controls   (LodeWindow    *self);
/* Shows the row over the chart when the chart has a control (stage, target). */
void      lode_window_update_chart_controls (LodeWindow *self);
/* Scrolls the chart strip to the toggle of `kind` when not all of it fits. */
void      lode_window_reveal_chart_toggle   (LodeWindow    *self,
                                             LodeChartKind  kind);

G_END_DECLS
