/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-bands.c — Monte Carlo over the estimates: seeded runs, percentiles per figure and
 * year. */

#define G_LOG_DOMAIN "lode-bands"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lode-bands.h"
#include "lode-format.h"

static double
public_cost_cumulative (const LodeYear *year,
                        LodeMaterial    material)
{
  return year->public_spend_cum_busd + year->price_floor_cost_cum_busd;
}

static const LodeYearFigure extra_figures[] = {
  { LODE_BANDS_KEY_PUBLIC_COST_CUM, public_cost_cumulative, FALSE },
};

/* Every figure the bands follow: the per-year figures, then the extras. */
static const LodeYearFigure *
figure_at (guint k)
{
  guint n;
  const LodeYearFigure *figures = lode_year_figures (&n);

  return k < n ? &figures[k] : &extra_figures[k - n];
}

static guint
n_figures (void)
{
  guint n;

  lode_year_figures (&n);
  return n + G_N_ELEMENTS (extra_figures);
}

double
lode_bands_figure_value (const char     *key,
                         const LodeYear *year,
                         LodeMaterial    material)
{
  for (guint k = 0; k < n_figures (); k++)
    if (g_str_equal (figure_at (k)->key, key))
      return figure_at (k)->get (year, material);
  return NAN;
}

/* The value at `u` (0..1) of the triangular distribution over low..high with its mode at
 * `mode` (its inverse distribution function). */
static double
triangular (double u,
            double low,
            double mode,
            double high)
{
  double span = high - low;
  double f;

  if (!(span > 0))
    return mode;
  mode = CLAMP (mode, low, high);
  f = (mode - low) / span;
  if (u < f)
    return low + sqrt (u * span * (mode - low));
  return high - sqrt ((1 - u) * span * (high - mode));
}

typedef struct
{
  GPtrArray    *inputs;
  guint64       seed;
  LodeMaterial  material;
  int           first_year;
  int           n_years;
  int           horizon;
  guint         n_keys;
  guint         n_runs;
  double       *values;   /* [(run * n_keys + key) * n_years + year]: each run writes its
                           * own block, so the threads never share a cache line */
  gboolean     *failed;   /* per run: the model refused it */
} MonteCarlo;

static void
monte_carlo_job (LodeAnalysisRunner *runner,
                 guint               run,
                 gpointer            user_data)
{
  MonteCarlo *mc = user_data;
  guint32 seed[3] = { (guint32) mc->seed, (guint32) (mc->seed >> 32), run };
  g_autoptr(GRand) rand = g_rand_new_with_seed_array (seed, G_N_ELEMENTS (seed));
  g_autoptr(LodeProjection) projection = NULL;
  g_autofree double *u = g_new (double, mc->inputs->len);

  /* One uniform draw per input, in input order, so a run's draws never depend on its
   * thread; a linked input takes its partner's. */
  for (guint i = 0; i < mc->inputs->len; i++)
    u[i] = g_rand_double (rand);
  for (guint i = 0; i < mc->inputs->len; i++)
    {
      const LodeInput *input = g_ptr_array_index (mc->inputs, i);
      double draw = input->link >= 0 ? u[input->link] : u[i];

      if (input->kind == LODE_INPUT_PARAMETER)
        lode_analysis_runner_set (runner, input,
                                  triangular (draw, input->low, input->value, input->high));
    }
  projection = lode_analysis_runner_run (runner, mc->horizon, NULL);
  mc->failed[run] = projection == NULL;

  for (guint k = 0; k < mc->n_keys; k++)
    {
      const LodeYearFigure *figure = figure_at (k);

      for (int y = 0; y < mc->n_years; y++)
        {
          const LodeYear *year = projection != NULL
                                 ? lode_projection_get_year (projection, mc->first_year + y)
                                 : NULL;

          mc->values[((gsize) run * mc->n_keys + k) * mc->n_years + y] =
            year != NULL ? figure->get (year, mc->material) : NAN;
        }
    }
}

/* The k-th smallest of v[0 .. n - 1] (0-based), moving the others so that none before it
 * is larger and none after it smaller (Hoare's selection). */
static double
select_nth (double *v,
            gssize  n,
            gssize  k)
{
  gssize lo = 0, hi = n - 1;

  while (lo < hi)
    {
      double pivot = v[lo + (hi - lo) / 2];
      gssize i = lo, j = hi;

      while (i <= j)
        {
          while (v[i] < pivot)
            i++;
          while (v[j] > pivot)
            j--;
          if (i <= j)
            {
              double t = v[i];

              v[i++] = v[j];
              v[j--] = t;
            }
        }
      if (k <= j)
        hi = j;
      else if (k >= i)
        lo = i;
      else
        break;
    }
  return v[k];
}

/* The p-quantile of the finite values (linear between order statistics, as spreadsheets). */
static double
quantile (double *v,
          gsize   n,
          double  p)
{
  double h, lower, upper = INFINITY;
  gsize k;

  if (n == 0)
    return NAN;
  h = (n - 1) * p;
  k = (gsize) floor (h);
  lower = select_nth (v, (gssize) n, (gssize) k);
  if (k + 1 >= n || h == k)
    return lower;
  /* After selection every value above index k is at least the k-th: the next order
   * statistic is their smallest. */
  for (gsize i = k + 1; i < n; i++)
    upper = MIN (upper, v[i]);
  return lower + (h - k) * (upper - lower);
}

static void
compute_percentiles (LodeBands        *self,
                     const MonteCarlo *mc)
{
  g_autofree double *scratch = g_new (double, mc->n_runs);
  gsize cells = (gsize) mc->n_keys * mc->n_years;

  self->p10 = g_new (double, cells);
  self->p50 = g_new (double, cells);
  self->p90 = g_new (double, cells);
  for (gsize c = 0; c < cells; c++)
    {
      gsize n = 0;

      for (guint r = 0; r < mc->n_runs; r++)
        {
          double v = mc->values[r * cells + c];

          if (isfinite (v))
            scratch[n++] = v;
        }
      self->p10[c] = quantile (scratch, n, 0.1);
      self->p50[c] = quantile (scratch, n, 0.5);
      self->p90[c] = quantile (scratch, n, 0.9);
    }
}

static LodeBands *
bands_new (LodeAnalysisModel *model,
           const MonteCarlo  *mc)
{
  LodeBands *self = g_new0 (LodeBands, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->n_runs = mc->n_runs;
  self->seed = mc->seed;
  self->material = mc->material;
  self->first_year = mc->first_year;
  self->n_years = mc->n_years;
  self->n_keys = mc->n_keys;
  self->keys = g_new0 (const char *, mc->n_keys + 1);
  for (guint k = 0; k < mc->n_keys; k++)
    self->keys[k] = figure_at (k)->key;
  for (guint i = 0; i < mc->inputs->len; i++)
    {
      const LodeInput *input = g_ptr_array_index (mc->inputs, i);

      if (input->kind != LODE_INPUT_PARAMETER)
        continue;
      self->n_parameters++;
      self->n_default_ranges += input->range == LODE_RANGE_DEFAULT ? 1 : 0;
    }
  for (guint r = 0; r < mc->n_runs; r++)
    self->n_failed += mc->failed[r] ? 1 : 0;
  return self;
}

LodeBands *
lode_bands_run (LodeAnalysisModel  *model,
                guint               n_runs,
                guint64             seed,
                LodeMaterial        material,
                GCancellable       *cancellable,
                GError            **error)
{
  g_autofree double *values = NULL;
  g_autofree gboolean *failed = NULL;
  LodeBands *self;
  MonteCarlo mc;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail ((guint) material < LODE_N_MATERIALS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_runs < 1 || n_runs > LODE_BANDS_MAX_RUNS)
    {
      g_set_error (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_INVALID,
                   _("Bad number of runs %u: choose 1 to %u"), n_runs, LODE_BANDS_MAX_RUNS);
      return NULL;
    }

  mc = (MonteCarlo) {
    .inputs = lode_analysis_model_get_inputs (model),
    .seed = seed,
    .material = material,
    .first_year = LODE_BASE_YEAR,
    .horizon = lode_analysis_model_get_horizon (model),
    .n_keys = n_figures (),
    .n_runs = n_runs,
  };
  mc.n_years = mc.horizon - mc.first_year + 1;
  values = g_new (double, (gsize) mc.n_keys * mc.n_years * n_runs);
  failed = g_new0 (gboolean, n_runs);
  mc.values = values;
  mc.failed = failed;

  if (!lode_analysis_model_parallel (model, n_runs, monte_carlo_job, &mc, cancellable, error))
    return NULL;

  self = bands_new (model, &mc);
  if (self->n_failed == n_runs)
    {
      lode_bands_unref (self);
      g_set_error_literal (error, LODE_ANALYSIS_ERROR, LODE_ANALYSIS_ERROR_MODEL,
                           _("The model could not run the scenario"));
      return NULL;
    }
  compute_percentiles (self, &mc);
  return self;
}

LodeBands *
lode_bands_ref (LodeBands *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lode_bands_unref (LodeBands *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->keys);
  g_free (self->p10);
  g_free (self->p50);
  g_free (self->p90);
  g_free (self);
}

gboolean
lode_bands_lookup (const LodeBands  *self,
                   const char       *key,
                   const double    **out_p10,
                   const double    **out_p50,
                   const double    **out_p90)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint k = 0; k < self->n_keys && key != NULL; k++)
    if (g_str_equal (self->keys[k], key))
      {
        gsize at = (gsize) k * self->n_years;

        if (out_p10 != NULL)
          *out_p10 = &self->p10[at];
        if (out_p50 != NULL)
          *out_p50 = &self->p50[at];
        if (out_p90 != NULL)
          *out_p90 = &self->p90[at];
        return TRUE;
      }
  return FALSE;
}

void
lode_bands_write_csv (const LodeBands      *self,
                      const LodeProjection *projection,
                      GString              *out)
{
  g_autoptr(GString) base = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  guint n_year_figures;

  g_return_if_fail (self != NULL);
  g_return_if_fail (projection != NULL);
  g_return_if_fail (out != NULL);

  lode_year_figures (&n_year_figures);
  lode_figures_write_csv (projection, self->material, base);
  lines = g_strsplit (base->str, "\n", -1);
  for (guint row = 0; lines[row] != NULL && lines[row][0] != '\0'; row++)
    {
      int y = projection->base_year + (int) row - 1 - self->first_year;

      g_string_append (out, lines[row]);
      for (guint k = 0; k < n_year_figures; k++)
        {
          const double *p[3];

          if (row == 0)
            {
              g_string_append_printf (out, ",%s.p10,%s.p50,%s.p90", self->keys[k], self->keys[k],
                                      self->keys[k]);
              continue;
            }
          lode_bands_lookup (self, self->keys[k], &p[0], &p[1], &p[2]);
          for (guint q = 0; q < 3; q++)
            {
              g_string_append_c (out, ',');
              lode_figures_append_number (out, y >= 0 && y < self->n_years ? p[q][y] : NAN);
            }
        }
      g_string_append_c (out, '\n');
    }
}

char *
lode_bands_dup_assumptions (const LodeBands *self)
{
  g_autofree char *runs = NULL;
  g_autofree char *count = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *estimates = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  count = lode_format_number (self->n_runs, 0);
  runs = g_strdup_printf (ngettext ("%s Monte Carlo run", "%s Monte Carlo runs", self->n_runs),
                          count);
  seed = g_strdup_printf ("%" G_GUINT64_FORMAT, self->seed);
  estimates = g_strdup_printf (ngettext ("%u estimate", "%u estimates", self->n_parameters),
                               self->n_parameters);
  /* Translators: the assumptions of uncertainty bands in an export's footer: "Bands: P10–P90
   * and median of 1000 Monte Carlo runs, seed 2024, over 330 estimates (triangular over the
   * dataset's low–high, else ±30 %)" */
  return g_strdup_printf (_("Bands: P10–P90 and median of %s, seed %s, over %s (triangular "
                            "over the dataset’s low–high, else ±%d %%)"),
                          runs, seed, estimates,
                          (int) round (100 * LODE_ANALYSIS_DEFAULT_SPREAD));
}
