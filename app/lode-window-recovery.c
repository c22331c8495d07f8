/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-window-recovery.c — the window's autosave, and the question that restores what a
 * crashed or killed Lodestone left unsaved (see lode-autosave.h).
 */
#define G_LOG_DOMAIN "lode-window-recovery"

#include "config.h"

#include <glib/gi18n.h>

#include "lode-window-private.h"

static void
clear_recovery (LodeWindow *self)
{
  g_clear_pointer (&self->recovery, lode_recovery_free);
  g_clear_object (&self->recovered);
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      LodeWindow       *self)
{
  g_autoptr(GError) error = NULL;

  if (self->dialog == dialog)
    self->dialog = NULL;
  g_signal_handlers_disconnect_by_data (dialog, self);
  if (self->recovery == NULL)
    return;

  if (g_strcmp0 (response, "restore") == 0)
    {
      lode_document_recover (self->document, self->recovered, self->recovery->file);
      /* Kept aside again by this process before the old copy goes. */
      if (!lode_autosave_save_now (self->autosave, &error))
        {
          lode_window_show_error (self, _("Could Not Keep the Restored Changes Safe"), error);
          clear_recovery (self);
          return;
        }
      lode_recovery_remove (self->recovery);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    lode_recovery_remove (self->recovery);
  /* Closed without an answer: the changes are offered again at the next start. */
  clear_recovery (self);
}

/* "today at 14:03"-like, in the planner's locale and time zone. */
static char *
format_saved (GDateTime *saved)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (saved);

  /* Translators: when unsaved changes were kept; a date and time format for
   * g_date_time_format(), e.g. "%x %X" */
  return g_date_time_format (local, _("%x %X"));
}

void
lode_window_offer_recovery (LodeWindow   *self,
                            LodeRecovery *recovery)
{
  g_autoptr(LodeRecovery) owned = recovery;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  g_return_if_fail (LODE_IS_WINDOW (self));
  g_return_if_fail (recovery != NULL);

  clear_recovery (self);
  self->recovered = lode_recovery_load (recovery, self->dataset, &error);
  if (self->recovered == NULL)
    {
      /* Written by this program, so this is rare: an autosave from another version. */
      g_warning ("Unsaved changes kept at %s cannot be read: %s", recovery->scenario_path,
                 error->message);
      return;
    }
  self->recovery = g_steal_pointer (&owned);

  when = format_saved (recovery->saved);
  body = g_strdup_printf (_("Lodestone closed before the changes to “%s” were saved. They "
                            "were kept at %s."),
                          lode_scenario_get_title (self->recovered), when);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Restore Unsaved Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "later");
  lode_window_present_dialog (self, dialog, G_CALLBACK (recovery_response_cb));
}

LodeAutosave *
lode_window_get_autosave (LodeWindow *self)
{
  g_return_val_if_fail (LODE_IS_WINDOW (self), NULL);

  return self->autosave;
}

void
lode_window_init_autosave (LodeWindow *self)
{
  g_autofree char *dir = lode_autosave_default_dir ();

  self->autosave = lode_autosave_new (self->document, dir);
}

void
lode_window_clear_autosave (LodeWindow *self)
{
  /* Disposing the autosave removes its files: the window closes on purpose. */
  g_clear_object (&self->autosave);
  clear_recovery (self);
}
