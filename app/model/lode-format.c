/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-format.c — numbers for people in their locale, and numbers for files. */

#define G_LOG_DOMAIN "lode-format"

#include "config.h"

#include <limits.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lode-format.h"

/* The most digits after the point a caller may ask for. */
#define MAX_DECIMALS 12

/* Masses from this many tonnes are counted in thousands, from the next with no decimal. */
#define KILOTONNES_FROM        999.95
#define WHOLE_KILOTONNES_FROM  9999.5
/* Tonnes below this keep a decimal. */
#define WHOLE_TONNES_FROM      9.95

/* A share that rounds to 0 % but is not zero reads "<1%". */
#define SMALLEST_SHOWN_SHARE   0.005

/* The English conventions of the untranslated interface, for the C locale. */
static const LodeNumberLocale english = { ".", ",", 3, "%s%%" };

static gboolean
is_c_locale (const char *name)
{
  return name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX")
         || g_str_has_prefix (name, "C.");
}

void
lode_number_locale_get_current (LodeNumberLocale *out_locale)
{
  const struct lconv *conv = localeconv ();

  g_return_if_fail (out_locale != NULL);

  if (is_c_locale (setlocale (LC_NUMERIC, NULL)))
    *out_locale = english;
  else
    {
      out_locale->decimal_point = conv->decimal_point;
      out_locale->thousands_sep = conv->thousands_sep;
      out_locale->grouping = 0;
      if (conv->grouping != NULL && conv->grouping[0] > 0 && conv->grouping[0] != CHAR_MAX)
        out_locale->grouping = (guint) conv->grouping[0];
    }
  /* Translators: a percentage; %s is the number. Write it as your language does, with a
   * (no-break) space before % where it takes one: "%s %%" in German. */
  out_locale->percent = _("%s%%");
}

/* "%s" → the number, "%%" → "%", anything else as it is. */
static char *
apply_pattern (const char *pattern,
               const char *number)
{
  GString *out = g_string_new (NULL);

  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == 's')
        {
          g_string_append (out, number);
          p++;
        }
      else if (p[0] == '%' && p[1] == '%')
        {
          g_string_append_c (out, '%');
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
lode_format_number_with (const LodeNumberLocale *locale,
                         double                  value,
                         int                     decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 400];
  char format[16];
  g_autoptr(GString) out = NULL;
  const char *dot;
  const char *decimal_point;
  const char *separator;
  gboolean all_zero = TRUE;
  gsize int_len;

  g_return_val_if_fail (locale != NULL, NULL);

  if (!isfinite (value))
    return g_strdup (LODE_NO_VALUE);

  decimals = CLAMP (decimals, 0, MAX_DECIMALS);
  decimal_point = locale->decimal_point != NULL && locale->decimal_point[0] != '\0'
                  ? locale->decimal_point : ".";
  separator = locale->thousands_sep != NULL ? locale->thousands_sep : "";

  /* %f of numbers up to 1e308 needs ~310 characters; beyond what people read anyway. */
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, fabs (value));

  /* No "−0": a negative number that rounds to zero is zero. */
  for (const char *p = buffer; *p != '\0'; p++)
    if (*p >= '1' && *p <= '9')
      all_zero = FALSE;
  out = g_string_new (value < 0 && !all_zero ? LODE_MINUS_SIGN : "");

  dot = strchr (buffer, '.');
  int_len = dot != NULL ? (gsize) (dot - buffer) : strlen (buffer);
  for (gsize i = 0; i < int_len; i++)
    {
      gsize remaining = int_len - i;

      g_string_append_c (out, buffer[i]);
      if (locale->grouping > 0 && separator[0] != '\0' && remaining > 1
          && (remaining - 1) % locale->grouping == 0)
        g_string_append (out, separator);
    }
  if (dot != NULL)
    {
      g_string_append (out, decimal_point);
      g_string_append (out, dot + 1);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
lode_format_percent_with (const LodeNumberLocale *locale,
                          double                  percent,
                          int                     decimals)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (locale != NULL, NULL);

  if (!isfinite (percent))
    return g_strdup (LODE_NO_VALUE);
  number = lode_format_number_with (locale, percent, decimals);
  return apply_pattern (locale->percent != NULL ? locale->percent : "%s%%", number);
}

char *
lode_format_number (double value,
                    int    decimals)
{
  LodeNumberLocale locale;

  lode_number_locale_get_current (&locale);
  return lode_format_number_with (&locale, value, decimals);
}

char *
lode_format_percent (double percent,
                     int    decimals)
{
  LodeNumberLocale locale;

  lode_number_locale_get_current (&locale);
  return lode_format_percent_with (&locale, percent, decimals);
}

char *
lode_format_share (double fraction)
{
  g_autofree char *one = NULL;

  if (fraction > 0.0 && fraction < SMALLEST_SHOWN_SHARE)
    {
      one = lode_format_percent (1, 0);
      return g_strconcat ("<", one, NULL);
    }
  return lode_format_percent (fraction * 100.0, 0);
}

char *
lode_format_busd (double busd,
                  int    decimals)
{
  g_autofree char *number = lode_format_number (fabs (busd), decimals);
  g_autofree char *amount = NULL;

  if (!isfinite (busd))
    return lode_format_number (busd, decimals);
  /* Translators: an amount in billions of US dollars; %s is the number */
  amount = g_strdup_printf (_("$%s bn"), number);
  /* The sign goes before the currency, "−$1.5 bn"; an amount that rounds to zero has none. */
  if (busd < 0 && strpbrk (number, "123456789") != NULL)
    return g_strconcat (LODE_MINUS_SIGN, amount, NULL);
  return g_steal_pointer (&amount);
}

char *
lode_format_usd_kg (double usd_kg,
                    int    decimals)
{
  g_autofree char *number = lode_format_number (usd_kg, decimals);

  if (!isfinite (usd_kg))
    return g_steal_pointer (&number);
  /* Translators: a price in US dollars per kilogram; %s is the number */
  return g_strdup_printf (_("$%s/kg"), number);
}

char *
lode_format_quantity (double      value,
                      int         decimals,
                      const char *unit)
{
  g_autofree char *number = lode_format_number (value, decimals);

  g_return_val_if_fail (unit != NULL, NULL);

  if (!isfinite (value))
    return g_steal_pointer (&number);
  /* Translators: a quantity: the number, then its unit, "850 t" */
  return g_strdup_printf (C_("quantity", "%s %s"), number, unit);
}

char *
lode_format_mass (double      tonnes,
                  const char *unit)
{
  double a = fabs (tonnes);

  g_return_val_if_fail (unit != NULL, NULL);

  if (a >= KILOTONNES_FROM)
    {
      g_autofree char *kilo = g_strconcat ("k", unit, NULL);

      return lode_format_quantity (tonnes / 1000.0, a >= WHOLE_KILOTONNES_FROM ? 0 : 1, kilo);
    }
  return lode_format_quantity (tonnes, a >= WHOLE_TONNES_FROM || a == 0.0 ? 0 : 1, unit);
}

char *
lode_format_c_number (double value,
                      int    significant)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[16];

  if (isnan (value))
    return g_strdup ("NaN");
  if (isinf (value))
    return g_strdup (value > 0 ? "Infinity" : "-Infinity");
  if (value == 0)
    return g_strdup ("0");
  g_snprintf (format, sizeof format, "%%.%dg", CLAMP (significant, 1, 17));
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));
}
