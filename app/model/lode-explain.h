/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How a headline figure of one year is made, as a planner would check it by hand: the
 * figure, the arithmetic that gives it, and the terms it adds up from, largest first ("US
 * China-free magnets 2030 = United States 6.1 kt via oxide separated in the US + Japan 0.8 kt
 * via oxide separated in Malaysia + …"). `lodestone --explain KEY --year Y` prints it and the
 * window shows it when a headline card is activated. Model library: GLib only.
 */
#pragma once

#include <glib.h>

#include "lode-projection.h"

G_BEGIN_DECLS

typedef struct
{
  char   *label;    /* "Japan", "Demand given up at the price" */
  double  value;    /* in the explanation's term unit */
  char   *detail;   /* "via oxide separated in Malaysia (100%)", or NULL */
} LodeExplainTerm;

typedef struct
{
  char      *key;          /* "china_free_share_us_demand" */
  int        year;
  char      *title;        /* "China-free share of US magnet demand, 2030" */
  char      *value_text;   /* "23.9%" */
  char      *formula;      /* "= 7,504 t China-free ÷ 31,344 t demand" */
  char      *terms_title;  /* what the terms add up to: "China-free magnets by maker" */
  char      *term_unit;    /* "t" */
  GPtrArray *terms;        /* LodeExplainTerm */
  char      *note;         /* a caveat, or NULL */
} LodeExplanation;

/* The keys that can be explained, NULL-terminated. */
const char *const *lode_explain_keys        (void);
/* NULL with a message naming the keys or the years when `key` or `year` is unknown. */
LodeExplanation   *lode_explain             (const LodeProjection  *projection,
                                             const char            *key,
                                             int                    year,
                                             GError               **error)
                                             G_GNUC_WARN_UNUSED_RESULT;
void               lode_explanation_free    (LodeExplanation       *self);
/* A term's value as shown, in the explanation's unit: "32,157 t", "−6.62 $ bn". */
char              *lode_explain_term_dup_value (const LodeExplanation *self,
                                                const LodeExplainTerm *term)
                                                G_GNUC_WARN_UNUSED_RESULT;
/* The explanation as plain text, one term per line, numbers in the user's locale. */
char              *lode_explanation_to_text (const LodeExplanation *self)
                                             G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LodeExplanation, lode_explanation_free)

G_END_DECLS
