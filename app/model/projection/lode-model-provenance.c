/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lode-model-provenance.c — China content through the chain. Mined output carries content 1
 * in China and 0 elsewhere; every later stage mixes its inputs by mass, and anything
 * processed in China carries content 1. Within a region and stage, China-touched and
 * China-free material are kept apart as certified supply chains are, and the region's
 * China-free output F = output x (1 - content) is assigned to its flows in this order:
 *   1. friend-shoring: if the region is the US or an ally, the friend-shoring share of F goes
 *      to US-aligned buyers before China-touched output does: the US first (its own plants
 *      when the region is the US), then the other allies in proportion to their flows;
 *   2. what is left of F serves the region's own next stage first;
 *   3. the rest is spread by mass over the other flows and the unsold output.
 * Flows to one kind of buyer (own, to the US, to allies, to others with the unsold output)
 * share one content; China mass is conserved exactly.
 *
 * Certified segregation is young: in the base year China-free and China-touched material
 * mix by mass in every flow (what the 2024 trade data show), and segregation grows to the
 * rules above over the friend-shoring ramp; the content of each flow is the blend.
 */
#define G_LOG_DOMAIN "lode-model-provenance"

#include "config.h"

#include "lode-model.h"

void
lode_model_split_content (const Model      *m,
                          double            fs,
                          double            segregation,
                          guint             i,
                          const double      flow[MAX_R],
                          double            unsold,
                          double            output,
                          double            content,
                          LodeContentSplit *out)
{
  const guint us = m->us;
  double china = output * content;
  double left = output - china;                /* China-free mass still to assign */
  double f_own = flow[i], f_us = 0, f_al = 0, f_ot = unsold;
  double g_own = 0, g_us = 0, g_al = 0, g_ot, room, k;

  /* All one kind (China's own output, mines, nothing made): every flow carries the content. */
  if (output <= 0 || content <= 0 || content >= 1)
    {
      out->own = out->to_us = out->to_allies = out->to_others = content;
      return;
    }
  /* The buyers of each kind in order, as one loop over them all would add them. */
  if (us != i)
    f_us += flow[us];
  for (guint b = 0; b < m->n_allies; b++)
    if (m->allies[b] != i)
      f_al += flow[m->allies[b]];
  for (guint b = 0; b < m->n_others; b++)
    if (m->others[b] != i)
      f_ot += flow[m->others[b]];
  if (m->aligned[i] && fs > 0)
    {
      double res = fs * left;

      if (i == us)
        g_own = MIN (res, f_own);
      else
        g_us = MIN (res, f_us);
      res -= g_own + g_us;
      g_al = MIN (res, f_al);
      left = MAX (0.0, left - g_own - g_us - g_al);
    }
  {
    double g = MIN (left, MAX (0.0, f_own - g_own));

    g_own += g;
    left -= g;
  }
  room = (f_us - g_us) + (f_al - g_al) + f_ot;
  k = room > 0 ? MIN (1.0, MAX (0.0, left) / room) : 0;
  g_us += (f_us - g_us) * k;
  g_al += (f_al - g_al) * k;
  g_ot = f_ot * k;

  /* Blend with plain mixing, where every flow carries the output's content. */
  out->own = content + segregation * ((f_own > 0 ? 1 - g_own / f_own : content) - content);
  out->to_us = content + segregation * ((f_us > 0 ? 1 - g_us / f_us : content) - content);
  out->to_allies = content + segregation * ((f_al > 0 ? 1 - g_al / f_al : content) - content);
  out->to_others = content + segregation * ((f_ot > 0 ? 1 - g_ot / f_ot : content) - content);
  out->own = lode_clamp (out->own, 0, 1);
  out->to_us = lode_clamp (out->to_us, 0, 1);
  out->to_allies = lode_clamp (out->to_allies, 0, 1);
  out->to_others = lode_clamp (out->to_others, 0, 1);
}

void
lode_model_split_stage (const Model *m,
                        const Year  *w,
                        LodeChain   *c,
                        LodeStage    s)
{
  for (guint i = 0; i < m->n; i++)
    {
      LodeContentSplit split;

      lode_model_split_content (m, w->fs, w->segregation, i, c->flow_ox[s][i],
                                c->unsold_ox[s][i],
                                c->output_ox[s][i], c->china_content[s][i], &split);
      c->china_content_own[s][i] = split.own;
      c->china_content_to_us[s][i] = split.to_us;
      c->china_content_to_allies[s][i] = split.to_allies;
      c->china_content_to_others[s][i] = split.to_others;
    }
}

double
lode_model_buyer_content (const Model     *m,
                          const LodeChain *c,
                          LodeStage        stage,
                          guint            from,
                          guint            to)
{
  if (to == from)
    return c->china_content_own[stage][from];
  return lode_model_bought_content (m, c, stage, to)[from];
}

/* China content of what region r makes from the inputs that reached it (by mass), plus an
 * extra input (recycled alloy) of known content. */
double
lode_model_mix_content (const Model     *m,
                        guint            r,
                        const LodeChain *c,
                        LodeStage        upstream,
                        double           extra,
                        double           extra_content)
{
  const double *bought = lode_model_bought_content (m, c, upstream, r);
  LodeMix mix;

  if (r == m->cn)
    return 1;
  lode_mix_init (&mix, extra, extra_content);
  for (guint i = 0; i < m->n; i++)
    lode_mix_add (&mix, c->flow_ox[upstream][i][r],
                  lode_mix_seller_content (c, upstream, bought, i, r));
  return lode_mix_content (m, r, &mix);
}
