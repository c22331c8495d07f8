/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Node labels: each column's labels at the most detail that fits, centred on their nodes,
 * pushed apart so they never overlap, shortened or dropped (to the tooltip) when there is no room.
 */
#define G_LOG_DOMAIN "lode-flow-labels"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lode-flow-layout-private.h"
#include "lode-text.h"

void
lode_flow_label_fonts (const LodeFlowLayout *self,
             LabelFonts           *f)
{
  f->name_size = 11.5 * self->chrome_scale;
  f->detail_size = 10.5 * self->chrome_scale;
  lode_text_measure ("Ag", f->name_size, LODE_TEXT_BOLD, NULL, &f->name_h);
  lode_text_measure ("Ag", f->detail_size, LODE_TEXT_NORMAL, NULL, &f->detail_h);
}

static void
label_strings (const LodeFlowLayout *self,
               const LodeFlowNode   *node,
               LodeFlowLabelLevel    level,
               char                 *name,
               char                 *detail)
{
  char amount[64], share[32];
  const char *unit = self->headers[node->column].unit;

  lode_flow_format_percent (share, sizeof share, node->share);
  name[0] = detail[0] = '\0';
  switch (level)
    {
    case LODE_FLOW_LABEL_FULL:
      lode_flow_format_tonnes (amount, sizeof amount, node->stage_value, unit);
      g_strlcpy (name, lode_flow_region_name (self, node->region), LODE_FLOW_LABEL_MAX);
      /* Translators: a node label's second line, "270 kt REO · 69 %" */
      g_snprintf (detail, LODE_FLOW_LABEL_MAX, _("%s · %s"), amount, share);
      break;
    case LODE_FLOW_LABEL_SHORT:
      lode_flow_format_tonnes (amount, sizeof amount, node->stage_value, "t");
      g_strlcpy (name, lode_flow_region_name (self, node->region), LODE_FLOW_LABEL_MAX);
      g_snprintf (detail, LODE_FLOW_LABEL_MAX, _("%s · %s"), amount, share);
      break;
    case LODE_FLOW_LABEL_COMPACT:
      /* Translators: a one-line node label, "China 69 %" */
      g_snprintf (name, LODE_FLOW_LABEL_MAX, _("%s %s"), lode_flow_region_name (self, node->region),
                  share);
      break;
    case LODE_FLOW_LABEL_HIDDEN:
    default:
      break;
    }
}

static double
label_width (const LabelFonts *f,
             const char       *name,
             const char       *detail)
{
  double wn = 0.0, wd = 0.0;

  lode_text_measure (name, f->name_size, LODE_TEXT_BOLD, &wn, NULL);
  if (detail[0] != '\0')
    lode_text_measure (detail, f->detail_size, LODE_TEXT_NORMAL, &wd, NULL);
  return MAX (wn, wd);
}

static double
label_height (const LabelFonts   *f,
              LodeFlowLabelLevel  level)
{
  switch (level)
    {
    case LODE_FLOW_LABEL_FULL:
    case LODE_FLOW_LABEL_SHORT:
      return f->name_h + f->detail_h;
    case LODE_FLOW_LABEL_COMPACT:
      return f->name_h;
    case LODE_FLOW_LABEL_HIDDEN:
    default:
      return 0.0;
    }
}

/* A stable width for a column's labels: the widest region name that ever appears there and a
 * detail line of the widest digits, so the columns do not shift while the year plays. */
double
lode_flow_label_reserve (const LodeFlowLayout *self,
               const LabelFonts     *f,
               int                   c)
{
  char detail[LODE_FLOW_LABEL_MAX];
  double w = 0.0, wd = 0.0;

  for (guint k = 0; k < self->order_len[c]; k++)
    {
      double wn;

      lode_text_measure (lode_flow_region_name (self, self->order[c][k]), f->name_size, LODE_TEXT_BOLD,
                         &wn, NULL);
      w = MAX (w, wn);
    }
  if (self->order_len[c] == 0)
    return 0.0;
  g_snprintf (detail, sizeof detail, "888 k%s · 88 %%", self->headers[c].unit);
  lode_text_measure (detail, f->detail_size, LODE_TEXT_NORMAL, &wd, NULL);
  return MAX (w, wd);
}

/* One step down: full or short -> compact -> hidden. */
static void
downgrade_label (const LodeFlowLayout *self,
                 const LabelFonts     *f,
                 LodeFlowNode         *node,
                 double               *width,
                 double                max_w)
{
  LodeFlowLabel *label = &node->label;

  if (label->level == LODE_FLOW_LABEL_COMPACT)
    {
      label->level = LODE_FLOW_LABEL_HIDDEN;
      return;
    }
  label->level = LODE_FLOW_LABEL_COMPACT;
  label_strings (self, node, label->level, label->name, label->detail);
  *width = label_width (f, label->name, label->detail);
  if (*width > max_w)
    label->level = LODE_FLOW_LABEL_HIDDEN;
}

void
lode_flow_place_labels (LodeFlowLayout *self,
              Build          *b,
              const LabelFonts *f)
{
  double lgap = 3.0 * self->chrome_scale;
  /* On a short canvas a label is one line; the tooltip and the description carry the rest. */
  int top_level = self->tight ? LODE_FLOW_LABEL_COMPACT : LODE_FLOW_LABEL_FULL;

  for (int c = 0; c < N_COLS; c++)
    {
      LodeFlowNode *nodes[MAXR];
      double widths[MAXR];
      guint nn = 0;
      double max_w, top = b->diag_top, bottom = b->area_bottom, need;

      if (c == 0)
        max_w = b->label_left;
      else if (c == LODE_FLOW_COLUMN_END_USE)
        max_w = self->width - b->margin - (b->x[c] + self->node_width + b->lanes_width + b->pad);
      else
        max_w = b->spacing - self->node_width - 2 * b->pad;

      for (guint k = 0; k < self->order_len[c]; k++)
        {
          LodeFlowNode *node = &self->nodes[node_index (self, c, self->order[c][k])];
          LodeFlowLabel *label = &node->label;

          if (!node->visible)
            continue;
          label->name_size = f->name_size;
          label->detail_size = f->detail_size;
          label->name_height = f->name_h;
          label->level = LODE_FLOW_LABEL_HIDDEN;
          label->name[0] = label->detail[0] = '\0';
          /* The middle columns' labels lie over ribbons: only the nodes that matter get one
           * (a fair share of the column, or tall enough to hold a line of text). */
          if (c > 0 && c < LODE_FLOW_COLUMN_END_USE && node->share < 0.03
              && node->rect.height < f->name_h)
            {
              widths[nn] = 0.0;
              nodes[nn++] = node;
              continue;
            }
          for (int level = top_level; level > LODE_FLOW_LABEL_HIDDEN; level--)
            {
              double w;

              label_strings (self, node, level, label->name, label->detail);
              w = label_width (f, label->name, label->detail);
              if (w <= max_w)
                {
                  label->level = level;
                  widths[nn] = w;
                  break;
                }
            }
          if (label->level == LODE_FLOW_LABEL_HIDDEN)
            widths[nn] = 0.0;
          nodes[nn++] = node;
        }

      /* Rounds: fit the column's height, place, and if a small node's label had to move far
       * from it, shorten or drop that label and place again. */
      for (guint round = 0; round < 2 * MAXR; round++)
        {
          int victim;

        /* Not enough height: shorten, then drop, the labels of the smallest nodes. */
        for (;;)
          {
            int shown = 0;

            victim = -1;

            need = 0.0;
            for (guint k = 0; k < nn; k++)
              if (nodes[k]->label.level != LODE_FLOW_LABEL_HIDDEN)
                {
                  need += label_height (f, nodes[k]->label.level);
                  shown++;
                }
            need += MAX (shown - 1, 0) * lgap;
            if (need <= bottom - top)
              break;
            for (guint k = 0; k < nn; k++)
              if (nodes[k]->label.level != LODE_FLOW_LABEL_HIDDEN
                  && (victim < 0 || nodes[k]->value < nodes[victim]->value))
                victim = (int) k;
            if (victim < 0)
              break;
            downgrade_label (self, f, nodes[victim], &widths[victim], max_w);
          }

        /* Place: centred on the node, then pushed apart (down, then up from the bottom). */
        {
          double y_prev = -G_MAXDOUBLE;
          LodeFlowNode *shown[MAXR];
          guint ns = 0;

          for (guint k = 0; k < nn; k++)
            {
              LodeFlowLabel *label = &nodes[k]->label;
              const LodeFlowRect *rect = &nodes[k]->rect;
              double h = label_height (f, label->level), x;

              if (label->level == LODE_FLOW_LABEL_HIDDEN)
                {
                  label->name[0] = label->detail[0] = '\0';
                  continue;
                }
              if (c == 0)
                {
                  x = rect->x - b->pad - widths[k];
                  label->align = 1.0;
                }
              else if (c == LODE_FLOW_COLUMN_END_USE)
                {
                  x = b->x[c] + self->node_width + b->lanes_width + b->pad;
                  label->align = 0.0;
                }
              else
                {
                  x = rect->x + rect->width + b->pad;
                  label->align = 0.0;
                  label->pill = TRUE;
                }
              label->rect = (LodeFlowRect) { x, rect->y + rect->height / 2 - h / 2, widths[k], h };
              label->rect.y = MAX (label->rect.y, top);
              label->rect.y = MAX (label->rect.y, y_prev + lgap);
              y_prev = label->rect.y + h;
              shown[ns++] = nodes[k];
            }
          for (int k = (int) ns - 1; k >= 0; k--)
            {
              LodeFlowRect *r = &shown[k]->label.rect;
              double limit = k == (int) ns - 1 ? bottom : shown[k + 1]->label.rect.y - lgap;

              if (r->y + r->height > limit)
                r->y = limit - r->height;
            }
          for (guint k = 0; k < ns; k++)
            {
              LodeFlowLabel *label = &shown[k]->label;
              const LodeFlowRect *rect = &shown[k]->rect;
              double cy = rect->y + rect->height / 2;
              double ly = label->rect.y + label->rect.height / 2;

              label->has_leader = fabs (cy - ly) > 2.0 * self->font_scale
                                  && (cy < label->rect.y || cy > label->rect.y + label->rect.height
                                      || c == LODE_FLOW_COLUMN_END_USE);
              if (!label->has_leader)
                continue;
              if (c == 0)
                {
                  label->leader_x0 = rect->x - 1;
                  label->leader_x1 = label->rect.x + label->rect.width + 2;
                }
              else
                {
                  label->leader_x0 = rect->x + rect->width + 1;
                  label->leader_x1 = label->rect.x - 2;
                }
              label->leader_y0 = cy;
              label->leader_y1 = ly;
            }
        }
          victim = -1;
          for (guint k = 0; k < nn; k++)
            {
              const LodeFlowLabel *label = &nodes[k]->label;
              double cy = nodes[k]->rect.y + nodes[k]->rect.height / 2;

              if (label->level == LODE_FLOW_LABEL_HIDDEN || nodes[k]->share >= 0.05)
                continue;
              if (fabs (label->rect.y + label->rect.height / 2 - cy)
                  > 2.0 * label->rect.height
                  && (victim < 0 || nodes[k]->value < nodes[victim]->value))
                victim = (int) k;
            }
          if (victim < 0)
            break;
          downgrade_label (self, f, nodes[victim], &widths[victim], max_w);
        }
    }
}
