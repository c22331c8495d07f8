/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Numbers for people, and numbers for files: the one number formatter of Lodestone.
 *
 * lode_format_*() write what people read — on screen, in exports, in messages — in their
 * locale: the LC_NUMERIC locale's decimal point and digit grouping, the translation's way of
 * writing a percentage ("69%" in English, "69 %" in German), a true minus sign (U+2212) and an
 * em dash for a missing value (NaN). The C locale groups no digits; there the English of the
 * untranslated interface is used instead ("58,472"). The *_with() variants take the
 * conventions explicitly (tests, or one fixed style).
 *
 * lode_format_c_number() writes numbers for files and for the command line's figures: the C
 * locale (a point, no grouping), whatever the user's locale.
 *
 * Model library: GLib only.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LODE_MINUS_SIGN "\342\210\222"  /* U+2212 */
#define LODE_NO_VALUE   "\342\200\224"  /* U+2014, for NaN */

typedef struct
{
  const char *decimal_point;   /* "." or "," */
  const char *thousands_sep;   /* ",", ".", a no-break space, or "" for none */
  guint       grouping;        /* digits per group; 0 for none */
  /* A percentage from its number: "%s%%" (English), "%s %%" (German); "%s" stands for the
   * number and "%%" for the sign. */
  const char *percent;
} LodeNumberLocale;

/* The conventions in force: LC_NUMERIC and the translation. The strings are borrowed from
 * them until the next setlocale(). */
void  lode_number_locale_get_current (LodeNumberLocale       *out_locale);

/* `decimals` digits after the point (0 to 12), grouped. */
char *lode_format_number        (double                  value,
                                 int                     decimals) G_GNUC_WARN_UNUSED_RESULT;
/* 48.5 → "48.5%" (the value is in percent). */
char *lode_format_percent       (double                  percent,
                                 int                     decimals) G_GNUC_WARN_UNUSED_RESULT;
/* A fraction as a whole percentage: 0.69 → "69%"; "<1%" for a share above 0 that rounds to
 * 0. */
char *lode_format_share         (double                  fraction) G_GNUC_WARN_UNUSED_RESULT;
/* Billions of US dollars: "$3.5 bn". */
char *lode_format_busd          (double                  busd,
                                 int                     decimals) G_GNUC_WARN_UNUSED_RESULT;
/* A price in US dollars per kilogram: "$110/kg". */
char *lode_format_usd_kg        (double                  usd_kg,
                                 int                     decimals) G_GNUC_WARN_UNUSED_RESULT;
/* A number and its unit: "850 t", "12.5 kt REO". */
char *lode_format_quantity      (double                  value,
                                 int                     decimals,
                                 const char             *unit) G_GNUC_WARN_UNUSED_RESULT;
/* A mass in tonnes of `unit` ("t", "t REO", ...), in thousands from 1,000 t, with three
 * figures or fewer: "5.3 t", "850 t", "1.2 kt REO", "270 kt REO". */
char *lode_format_mass          (double                  tonnes,
                                 const char             *unit) G_GNUC_WARN_UNUSED_RESULT;

char *lode_format_number_with   (const LodeNumberLocale *locale,
                                 double                  value,
                                 int                     decimals) G_GNUC_WARN_UNUSED_RESULT;
char *lode_format_percent_with  (const LodeNumberLocale *locale,
                                 double                  percent,
                                 int                     decimals) G_GNUC_WARN_UNUSED_RESULT;

/* For files and the command line: `significant` digits at most (%g), a point, no grouping;
 * "0" for zero (also -0), "NaN", "Infinity" and "-Infinity". */
char *lode_format_c_number      (double                  value,
                                 int                     significant) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
