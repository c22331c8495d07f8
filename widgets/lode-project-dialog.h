/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * LodeProjectDialog — a modal window that adds a user-defined project to the document's
 * scenario: name, stage, region, capacity (in the stage's unit), online year, capex and a
 * note. Every field is checked as it is typed; a field in error is marked and says why, and
 * Add stays insensitive until all are valid. Adding is one undo step
 * (lode_scenario_add_user_project()); the dialog then closes.
 */
#pragma once

#include <adwaita.h>

#include "lode-document.h"

G_BEGIN_DECLS

#define LODE_TYPE_PROJECT_DIALOG (lode_project_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LodeProjectDialog, lode_project_dialog, LODE, PROJECT_DIALOG, AdwWindow)

typedef enum
{
  LODE_PROJECT_FIELD_NAME,      /* GtkEntry */
  LODE_PROJECT_FIELD_STAGE,     /* AdwComboRow, LodeStage order */
  LODE_PROJECT_FIELD_REGION,    /* AdwComboRow, dataset region order */
  LODE_PROJECT_FIELD_CAPACITY,  /* GtkSpinButton, stage units per year */
  LODE_PROJECT_FIELD_YEAR,      /* GtkSpinButton */
  LODE_PROJECT_FIELD_CAPEX,     /* GtkSpinButton, million USD */
  LODE_PROJECT_FIELD_NOTE,      /* GtkEntry */
  LODE_N_PROJECT_FIELDS
} LodeProjectField;

LodeProjectDialog *lode_project_dialog_new            (GtkWindow         *parent,
                                                       LodeDocument      *document)
                                                       G_GNUC_WARN_UNUSED_RESULT;

/* The input widget of a field (see the enum for its type). */
GtkWidget         *lode_project_dialog_get_field      (LodeProjectDialog *self,
                                                       LodeProjectField   field);
/* The message a field shows now, or NULL when it is valid. */
const char        *lode_project_dialog_get_error      (LodeProjectDialog *self,
                                                       LodeProjectField   field);
gboolean           lode_project_dialog_is_valid       (LodeProjectDialog *self);
GtkWidget         *lode_project_dialog_get_add_button (LodeProjectDialog *self);
/* What Add does: adds the project (one undo step) and closes. FALSE (with the error shown
 * in the dialog and in `error`) if a field is invalid or the scenario refused it. */
gboolean           lode_project_dialog_add            (LodeProjectDialog *self,
                                                       GError           **error);

G_END_DECLS
