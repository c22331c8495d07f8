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

/* Label text sizes, px at chrome scale 1. */
#define NAME_SIZE          11.5
#define DETAIL_SIZE        10.5
/* The pill behind a label over ribbons reaches this far past its text, px at font scale 1. */
#define PILL_H_PAD         3.0
#define PILL_V_PAD         1.0
/* Vertical gap between two labels of a column, px at chrome scale 1. */
#define LABEL_GAP          3.0
/* Middle-column labels lie over ribbons: a node below this share of its column gets one
 * only if it is tall enough to hold a line of text. */
#define MIDDLE_MIN_SHARE   0.03
/* A label pushed further than FAR_FACTOR × its height from its node belongs to a node below
 * FAR_MAX_SHARE of the column: it is shortened or dropped instead. */
#define FAR_MAX_SHARE      0.05
#define FAR_FACTOR         2.0
/* A leader line is drawn when a label's centre is this far (px at font scale 1) from its
 * node's centre, and the node's centre is outside the label. */
#define LEADER_MIN_OFFSET  2.0

void
lode_flow_label_fonts (const LodeFlowLayout *self,
                       LabelFonts           *f)
{
  f->name_size = NAME_SIZE * self->chrome_scale;
  f->detail_size = DETAIL_SIZE * self->chrome_scale;
  lode_text_measure ("Ag", f->name_size, LODE_TEXT_BOLD, NULL, &f->name_h);
  lode_text_measure ("Ag", f->detail_size, LODE_TEXT_NORMAL, NULL, &f->detail_h);
}

/* An end-use label tells what its region lacks when the shortfall counts
 * (lode_shortfall_counts()): the diagram shows what flows, and a shortage is what does not. */
static void
shortfall_string (const LodeFlowLayout *self,
                  const LodeFlowNode   *node,
                  char                 *out)
{
  double short_t = self->data.shortfall_magnet[node->region];
  char amount[64];

  out[0] = '\0';
  if (node->column != LODE_FLOW_COLUMN_END_USE ||
      !lode_shortfall_counts (short_t, node->stage_value + short_t))
    return;
  /* The column's header gives the unit. */
  lode_flow_format_tonnes (amount, sizeof amount, short_t, "t");
  /* Translators: a third line under an end use's label, "3.9 kt short": demand that no
   * supply met */
  g_snprintf (out, LODE_FLOW_LABEL_MAX, _("%s short"), amount);
}

static void
label_strings (const LodeFlowLayout *self,
               const LodeFlowNode   *node,
               LodeFlowLabelLevel    level,
               LodeFlowLabel        *label)
{
  char amount[64], share[32];
  const char *unit = self->headers[node->column].unit;
  char *name = label->name, *detail = label->detail;

  lode_flow_format_percent (share, sizeof share, node->share);
  name[0] = detail[0] = label->shortfall[0] = '\0';
  switch (level)
    {
    case LODE_FLOW_LABEL_FULL:
      lode_flow_format_tonnes (amount, sizeof amount, node->stage_value, unit);
      g_strlcpy (name, lode_flow_region_name (self, node->region), LODE_FLOW_LABEL_MAX);
      /* Translators: a node label's second line, "270 kt REO · 69 %" */
      g_snprintf (detail, LODE_FLOW_LABEL_MAX, _("%s · %s"), amount, share);
      shortfall_string (self, node, label->shortfall);
      break;
    case LODE_FLOW_LABEL_SHORT:
      lode_flow_format_tonnes (amount, sizeof amount, node->stage_value, "t");
      g_strlcpy (name, lode_flow_region_name (self, node->region), LODE_FLOW_LABEL_MAX);
      g_snprintf (detail, LODE_FLOW_LABEL_MAX, _("%s · %s"), amount, share);
      shortfall_string (self, node, label->shortfall);
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
label_width (const LabelFonts    *f,
             const LodeFlowLabel *label)
{
  double wn = 0.0, wd = 0.0, ws = 0.0;

  lode_text_measure (label->name, f->name_size, LODE_TEXT_BOLD, &wn, NULL);
  if (label->detail[0] != '\0')
    lode_text_measure (label->detail, f->detail_size, LODE_TEXT_NORMAL, &wd, NULL);
  if (label->shortfall[0] != '\0')
    lode_text_measure (label->shortfall, f->detail_size, LODE_TEXT_BOLD, &ws, NULL);
  return MAX (wn, MAX (wd, ws));
}

static double
label_height (const LabelFonts    *f,
              const LodeFlowLabel *label)
{
  switch (label->level)
    {
    case LODE_FLOW_LABEL_FULL:
    case LODE_FLOW_LABEL_SHORT:
      return f->name_h + f->detail_h * (label->shortfall[0] != '\0' ? 2 : 1);
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

      lode_text_measure (lode_flow_region_name (self, self->order[c][k]), f->name_size,
                         LODE_TEXT_BOLD, &wn, NULL);
      w = MAX (w, wn);
    }
  if (self->order_len[c] == 0)
    return 0.0;
  g_snprintf (detail, sizeof detail, "888 k%s · 88%%", self->headers[c].unit);
  lode_text_measure (detail, f->detail_size, LODE_TEXT_NORMAL, &wd, NULL);
  return MAX (w, wd);
}

/* Sets the label's text at `level` and its width; FALSE if it is wider than max_w. A compact
 * label that is too wide with its share keeps the region's name alone (the tooltip has the
 * share). */
static gboolean
fit_level (const LodeFlowLayout *self,
           const LabelFonts     *f,
           LodeFlowNode         *node,
           LodeFlowLabelLevel    level,
           double                max_w,
           double               *width)
{
  LodeFlowLabel *label = &node->label;

  label_strings (self, node, level, label);
  *width = label_width (f, label);
  if (*width <= max_w || level != LODE_FLOW_LABEL_COMPACT)
    return *width <= max_w;
  g_strlcpy (label->name, lode_flow_region_name (self, node->region), sizeof label->name);
  *width = label_width (f, label);
  return *width <= max_w;
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
  label->level = fit_level (self, f, node, LODE_FLOW_LABEL_COMPACT, max_w, width)
                 ? LODE_FLOW_LABEL_COMPACT : LODE_FLOW_LABEL_HIDDEN;
}

/* Labels beside their nodes (every column but end use, whose labels stand past the recycling
 * lanes with leaders) stay within their node's window: from the node above's bottom to the
 * node below's top, so no label sits beside another region's node. A label may reach this far
 * (px) past its window's ends, into the gap's antialiasing. */
#define WINDOW_SLACK 0.5

/* One column's labels while they are placed: the visible nodes from top to bottom. */
typedef struct
{
  int           column;
  LodeFlowNode *nodes[MAXR];
  double        widths[MAXR];   /* of each label at its level, 0 if hidden */
  guint         n;
  double        max_w;          /* the room beside the column */
  double        top, bottom;    /* the band the labels must stay in */
  double        gap;
} LabelColumn;

static gboolean
beside_nodes (int column)
{
  return column != LODE_FLOW_COLUMN_END_USE;
}

/* The band beside the k-th visible node where its label belongs. */
static void
label_window (const LabelColumn *col,
              guint              k,
              double            *lo,
              double            *hi)
{
  *lo = k > 0 ? col->nodes[k - 1]->rect.y + col->nodes[k - 1]->rect.height : col->top;
  *hi = k + 1 < col->n ? col->nodes[k + 1]->rect.y : col->bottom;
  *lo = MAX (*lo, col->top);
  *hi = MIN (*hi, col->bottom);
}

static gboolean
outside_window (const LabelColumn *col,
                guint              k)
{
  const LodeFlowRect *r = &col->nodes[k]->label.rect;
  double lo, hi;

  label_window (col, k, &lo, &hi);
  return r->y < lo - WINDOW_SLACK || r->y + r->height > hi + WINDOW_SLACK;
}

static double
column_room (const LodeFlowLayout *self,
             const Build          *b,
             int                   c)
{
  if (c == 0)
    return b->label_left;
  if (c == LODE_FLOW_COLUMN_END_USE)
    return self->width - b->margin - (b->x[c] + self->node_width + b->lanes_width + b->pad);
  return b->spacing - self->node_width - 2 * b->pad;
}

/* The most detailed level, from `top_level` down, whose text fits the column's room. */
static void
choose_level (const LodeFlowLayout *self,
              const LabelFonts     *f,
              LabelColumn          *col,
              LodeFlowNode         *node,
              int                   top_level)
{
  LodeFlowLabel *label = &node->label;
  guint k = col->n++;

  col->nodes[k] = node;
  col->widths[k] = 0.0;
  label->name_size = f->name_size;
  label->detail_size = f->detail_size;
  label->name_height = f->name_h;
  label->detail_height = f->detail_h;
  label->level = LODE_FLOW_LABEL_HIDDEN;
  label->name[0] = label->detail[0] = label->shortfall[0] = '\0';
  if (col->column > 0 && col->column < LODE_FLOW_COLUMN_END_USE
      && node->share < MIDDLE_MIN_SHARE && node->rect.height < f->name_h)
    return;
  for (int level = top_level; level > LODE_FLOW_LABEL_HIDDEN; level--)
    {
      double w;

      if (fit_level (self, f, node, level, col->max_w, &w))
        {
          label->level = level;
          col->widths[k] = w;
          return;
        }
    }
}

/* The index of the smallest node whose label is shown, or -1. */
static int
smallest_shown (const LabelColumn *col)
{
  int victim = -1;

  for (guint k = 0; k < col->n; k++)
    if (col->nodes[k]->label.level != LODE_FLOW_LABEL_HIDDEN
        && (victim < 0 || col->nodes[k]->value < col->nodes[victim]->value))
      victim = (int) k;
  return victim;
}

/* Not enough height: shorten, then drop, the labels of the smallest nodes. */
static void
fit_column_height (const LodeFlowLayout *self,
                   const LabelFonts     *f,
                   LabelColumn          *col)
{
  for (;;)
    {
      double need = 0.0;
      int shown = 0, victim;

      for (guint k = 0; k < col->n; k++)
        if (col->nodes[k]->label.level != LODE_FLOW_LABEL_HIDDEN)
          {
            need += label_height (f, &col->nodes[k]->label);
            shown++;
          }
      need += MAX (shown - 1, 0) * col->gap;
      if (need <= col->bottom - col->top)
        return;
      victim = smallest_shown (col);
      if (victim < 0)
        return;
      downgrade_label (self, f, col->nodes[victim], &col->widths[victim], col->max_w);
    }
}

/* Where a label starts horizontally: left of the first column, right of the lanes for end
 * use, right of the node (over the ribbons, on a pill) in between. */
static void
label_x (const LodeFlowLayout *self,
         const Build          *b,
         int                   c,
         const LodeFlowRect   *node,
         double                width,
         LodeFlowLabel        *label)
{
  if (c == 0)
    {
      label->rect.x = node->x - b->pad - width;
      label->align = 1.0;
    }
  else if (c == LODE_FLOW_COLUMN_END_USE)
    {
      label->rect.x = b->x[c] + self->node_width + b->lanes_width + b->pad;
      label->align = 0.0;
    }
  else
    {
      label->rect.x = node->x + node->width + b->pad;
      label->align = 0.0;
      label->pill = TRUE;
    }
}

/* Each shown label centred on its node, then pushed apart: down from the top, then up from
 * the bottom. Returns the number of shown labels, in `shown`. */
static guint
stack_labels (const LodeFlowLayout *self,
              const Build          *b,
              const LabelFonts     *f,
              LabelColumn          *col,
              LodeFlowNode        **shown)
{
  double y_prev = -G_MAXDOUBLE;
  guint ns = 0;

  for (guint k = 0; k < col->n; k++)
    {
      LodeFlowLabel *label = &col->nodes[k]->label;
      const LodeFlowRect *rect = &col->nodes[k]->rect;
      double h = label_height (f, label);

      if (label->level == LODE_FLOW_LABEL_HIDDEN)
        {
          label->name[0] = label->detail[0] = label->shortfall[0] = '\0';
          continue;
        }
      label_x (self, b, col->column, rect, col->widths[k], label);
      label->rect.y = rect->y + rect->height / 2 - h / 2;
      if (beside_nodes (col->column))
        {
          double lo, hi;

          /* Within its window where it fits: it may hang into the gaps, not past them. */
          label_window (col, k, &lo, &hi);
          if (hi - lo >= h)
            label->rect.y = CLAMP (label->rect.y, lo, hi - h);
        }
      label->rect.width = col->widths[k];
      label->rect.height = h;
      label->rect.y = MAX (label->rect.y, col->top);
      label->rect.y = MAX (label->rect.y, y_prev + col->gap);
      y_prev = label->rect.y + h;
      shown[ns++] = col->nodes[k];
    }
  for (int k = (int) ns - 1; k >= 0; k--)
    {
      LodeFlowRect *r = &shown[k]->label.rect;
      double limit = k == (int) ns - 1 ? col->bottom : shown[k + 1]->label.rect.y - col->gap;

      if (r->y + r->height > limit)
        r->y = limit - r->height;
    }
  return ns;
}

/* A leader from the node to a label that moved away from it. */
static void
set_leader (const LodeFlowLayout *self,
            int                   c,
            LodeFlowNode         *node)
{
  LodeFlowLabel *label = &node->label;
  const LodeFlowRect *rect = &node->rect;
  double cy = rect->y + rect->height / 2;
  double ly = label->rect.y + label->rect.height / 2;

  label->has_leader = fabs (cy - ly) > LEADER_MIN_OFFSET * self->font_scale
                      && (cy < label->rect.y || cy > label->rect.y + label->rect.height
                          || c == LODE_FLOW_COLUMN_END_USE);
  if (!label->has_leader)
    return;
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

/* The smallest small node whose label had to move far from it, or -1. */
static int
far_label (const LabelColumn *col)
{
  int victim = -1;

  for (guint k = 0; k < col->n; k++)
    {
      const LodeFlowLabel *label = &col->nodes[k]->label;
      double cy = col->nodes[k]->rect.y + col->nodes[k]->rect.height / 2;

      if (label->level == LODE_FLOW_LABEL_HIDDEN || col->nodes[k]->share >= FAR_MAX_SHARE)
        continue;
      if (fabs (label->rect.y + label->rect.height / 2 - cy) > FAR_FACTOR * label->rect.height
          && (victim < 0 || col->nodes[k]->value < col->nodes[victim]->value))
        victim = (int) k;
    }
  return victim;
}

/* Which of two crowded labels gives way: one that can still be shortened before one that
 * would have to go, then the smaller node. */
static gboolean
gives_way (const LodeFlowNode *a,
           const LodeFlowNode *b)
{
  gboolean a_short = a->label.level > LODE_FLOW_LABEL_COMPACT;
  gboolean b_short = b->label.level > LODE_FLOW_LABEL_COMPACT;

  if (a_short != b_short)
    return a_short;
  return a->value < b->value;
}

/* A label pushed beside another region's node: among it and the labelled neighbours that
 * crowd it, the one that gives way, whose label is then shortened or dropped; -1 if none. */
static int
crowded_label (const LabelColumn *col)
{
  int victim = -1;

  if (!beside_nodes (col->column))
    return -1;
  for (guint k = 0; k < col->n; k++)
    {
      int cand[3] = { (int) k, -1, -1 };

      if (col->nodes[k]->label.level == LODE_FLOW_LABEL_HIDDEN || !outside_window (col, k))
        continue;
      for (int a = (int) k - 1; a >= 0 && cand[1] < 0; a--)
        if (col->nodes[a]->label.level != LODE_FLOW_LABEL_HIDDEN)
          cand[1] = a;
      for (guint b = k + 1; b < col->n && cand[2] < 0; b++)
        if (col->nodes[b]->label.level != LODE_FLOW_LABEL_HIDDEN)
          cand[2] = (int) b;
      for (int i = 0; i < 3; i++)
        if (cand[i] >= 0 && (victim < 0 || gives_way (col->nodes[cand[i]], col->nodes[victim])))
          victim = cand[i];
    }
  return victim;
}

static void
place_column (LodeFlowLayout   *self,
              Build            *b,
              const LabelFonts *f,
              int               c)
{
  /* On a short canvas a label is one line; the tooltip and the description carry the rest. */
  int top_level = self->tight ? LODE_FLOW_LABEL_COMPACT : LODE_FLOW_LABEL_FULL;
  LabelColumn col = {
    .column = c,
    .max_w = column_room (self, b, c),
    .top = b->diag_top,
    .bottom = b->area_bottom,
    .gap = LABEL_GAP * self->chrome_scale,
  };

  for (guint k = 0; k < self->order_len[c]; k++)
    {
      LodeFlowNode *node = &self->nodes[node_index (self, c, self->order[c][k])];

      if (node->visible)
        choose_level (self, f, &col, node, top_level);
    }

  /* Rounds: fit the column's height, place, and if a small node's label had to move far
   * from it or beside another node, shorten or drop a label and place again. Each round
   * lowers one label by a level, so the rounds end. */
  for (guint round = 0; round < 3 * MAXR; round++)
    {
      LodeFlowNode *shown[MAXR];
      guint ns;
      int victim;

      fit_column_height (self, f, &col);
      ns = stack_labels (self, b, f, &col, shown);
      for (guint k = 0; k < ns; k++)
        set_leader (self, c, shown[k]);
      victim = far_label (&col);
      if (victim < 0)
        victim = crowded_label (&col);
      if (victim < 0)
        break;
      downgrade_label (self, f, col.nodes[victim], &col.widths[victim], col.max_w);
    }
}

/* The pills behind labels over ribbons, once the labels are in place. */
static void
set_backings (LodeFlowLayout *self)
{
  double fs = self->font_scale;

  for (guint q = 0; q < N_COLS * self->n_regions; q++)
    {
      LodeFlowLabel *l = &self->nodes[q].label;

      if (!l->pill || l->level == LODE_FLOW_LABEL_HIDDEN)
        continue;
      l->backing = (LodeFlowRect) {
        l->rect.x - PILL_H_PAD * fs, l->rect.y - PILL_V_PAD * fs,
        l->rect.width + 2 * PILL_H_PAD * fs, l->rect.height + 2 * PILL_V_PAD * fs,
      };
    }
}

void
lode_flow_place_labels (LodeFlowLayout   *self,
                        Build            *b,
                        const LabelFonts *f)
{
  for (int c = 0; c < N_COLS; c++)
    place_column (self, b, f, c);
  set_backings (self);
}
