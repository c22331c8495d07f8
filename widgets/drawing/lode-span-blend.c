/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lode-span-blend.c — the pixels of lode-span-fill.c: a pixel row's coverage from the spans of
 * its four grid rows, blended as Cairo 1.16 and pixman blend them.
 *
 * A pixel's coverage is its covered samples n of 16, as alpha 16·n (255 for all 16). A
 * translucent source is blended by pixman: s = src × alpha, d = s + d × (255 − alpha of s),
 * channel by channel, each product rounded as (t + (t >> 8)) >> 8 with t = a · b + 128. An
 * opaque colour Cairo blends itself: d = s × alpha + d × (255 − alpha), rounding with 127.
 * The coverage is worked out as runs of equal coverage, blended four pixels at a time. */

#define G_LOG_DOMAIN "lode-span-blend"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "lode-span-fill-private.h"

#define GRID    LODE_SPAN_GRID
#define SAMPLES LODE_SPAN_SAMPLES

/* What a span means to a pixel row, as one number: the pixel x times 8, plus what happens
 * there. 1 to 3: that pixel alone has as many more samples covered; RUN_START and RUN_END:
 * from x on, every pixel has a grid row more (four samples) or less. In order of x the
 * numbers sort as plain integers. */
typedef guint32 Event;

#define EVENT_SHIFT 3
#define RUN_START   4
#define RUN_END     5

/* pixman's x · a / 255 on the four channels of a pixel, rounded as pixman rounds (half =
 * 128), or as Cairo's own blending does (half = 127). */
static inline guint32
mul_un8x4 (guint32 x,
           guint32 a,
           guint32 half)
{
  guint32 rb = (x & 0xff00ff) * a + half * 0x10001;
  guint32 ag = ((x >> 8) & 0xff00ff) * a + half * 0x10001;

  rb = ((rb + ((rb >> 8) & 0xff00ff)) >> 8) & 0xff00ff;
  ag = (ag + ((ag >> 8) & 0xff00ff)) & 0xff00ff00;
  return ag | rb;
}

/* x + y on the four channels, saturated as pixman does. */
static inline guint32
add_un8x4 (guint32 x,
           guint32 y)
{
  guint32 rb = (x & 0xff00ff) + (y & 0xff00ff);
  guint32 ag = ((x >> 8) & 0xff00ff) + ((y >> 8) & 0xff00ff);

  rb = (rb | (0x1000100 - ((rb >> 8) & 0xff00ff))) & 0xff00ff;
  ag = (ag | (0x1000100 - ((ag >> 8) & 0xff00ff))) & 0xff00ff;
  return rb | (ag << 8);
}

/* What one pixel becomes: the source (premultiplied) at coverage alpha over it. pixman's
 * source IN alpha OVER destination; for an opaque colour, which Cairo blends itself, its
 * interpolation s × alpha + d × (255 − alpha), rounded its way. */
static inline guint32
blend_pixel (guint32  s,
             gboolean opaque,
             guint32  alpha,
             guint32  d)
{
  if (opaque)
    return alpha == 255 ? s : add_un8x4 (mul_un8x4 (s, alpha, 127),
                                         mul_un8x4 (d, 255 - alpha, 127));
  if (alpha != 255)
    s = mul_un8x4 (s, alpha, 128);
  return add_un8x4 (s, mul_un8x4 (d, 255 - (s >> 24), 128));
}

/* d = s + d × ia / 255 on n pixels, the products rounded with `half`. */
static void
blend_run_constant (guint32 *d,
                    int      n,
                    guint32  s,
                    guint32  ia,
                    guint32  half)
{
  int k = 0;

#ifdef __SSE2__
  {
    __m128i zero = _mm_setzero_si128 ();
    __m128i vs = _mm_set1_epi32 ((int) s);
    __m128i via = _mm_set1_epi16 ((short) ia), vhalf = _mm_set1_epi16 ((short) half);

    for (; k + 4 <= n; k += 4)
      {
        __m128i v = _mm_loadu_si128 ((const __m128i *) (d + k));
        __m128i lo = _mm_unpacklo_epi8 (v, zero), hi = _mm_unpackhi_epi8 (v, zero);

        lo = _mm_add_epi16 (_mm_mullo_epi16 (lo, via), vhalf);
        hi = _mm_add_epi16 (_mm_mullo_epi16 (hi, via), vhalf);
        lo = _mm_srli_epi16 (_mm_add_epi16 (lo, _mm_srli_epi16 (lo, 8)), 8);
        hi = _mm_srli_epi16 (_mm_add_epi16 (hi, _mm_srli_epi16 (hi, 8)), 8);
        v = _mm_adds_epu8 (_mm_packus_epi16 (lo, hi), vs);
        _mm_storeu_si128 ((__m128i *) (d + k), v);
      }
  }
#endif
  for (; k < n; k++)
    d[k] = add_un8x4 (s, mul_un8x4 (d[k], ia, half));
}

/* d = t × alpha + d × (255 − its alpha) on n pixels of a pattern's row t, pixman's way. */
static void
blend_run_pattern (guint32       *d,
                   const guint32 *t,
                   int            n,
                   guint32        alpha)
{
  int k = 0;

#ifdef __SSE2__
  {
    __m128i zero = _mm_setzero_si128 (), half = _mm_set1_epi16 (128);
    __m128i ff = _mm_set1_epi16 (255), va = _mm_set1_epi16 ((short) alpha);

    for (; k + 4 <= n; k += 4)
      {
        __m128i v = _mm_loadu_si128 ((const __m128i *) (d + k));
        __m128i w = _mm_loadu_si128 ((const __m128i *) (t + k));
        __m128i slo = _mm_unpacklo_epi8 (w, zero), shi = _mm_unpackhi_epi8 (w, zero);
        __m128i dlo = _mm_unpacklo_epi8 (v, zero), dhi = _mm_unpackhi_epi8 (v, zero);
        __m128i alo, ahi;

        if (alpha != 255)
          {
            slo = _mm_add_epi16 (_mm_mullo_epi16 (slo, va), half);
            shi = _mm_add_epi16 (_mm_mullo_epi16 (shi, va), half);
            slo = _mm_srli_epi16 (_mm_add_epi16 (slo, _mm_srli_epi16 (slo, 8)), 8);
            shi = _mm_srli_epi16 (_mm_add_epi16 (shi, _mm_srli_epi16 (shi, 8)), 8);
          }
        /* Each pixel's alpha in its four lanes, and 255 minus it. */
        alo = _mm_shufflehi_epi16 (_mm_shufflelo_epi16 (slo, 0xff), 0xff);
        ahi = _mm_shufflehi_epi16 (_mm_shufflelo_epi16 (shi, 0xff), 0xff);
        alo = _mm_sub_epi16 (ff, alo);
        ahi = _mm_sub_epi16 (ff, ahi);
        dlo = _mm_add_epi16 (_mm_mullo_epi16 (dlo, alo), half);
        dhi = _mm_add_epi16 (_mm_mullo_epi16 (dhi, ahi), half);
        dlo = _mm_srli_epi16 (_mm_add_epi16 (dlo, _mm_srli_epi16 (dlo, 8)), 8);
        dhi = _mm_srli_epi16 (_mm_add_epi16 (dhi, _mm_srli_epi16 (dhi, 8)), 8);
        v = _mm_adds_epu8 (_mm_packus_epi16 (dlo, dhi), _mm_packus_epi16 (slo, shi));
        _mm_storeu_si128 ((__m128i *) (d + k), v);
      }
  }
#endif
  for (; k < n; k++)
    d[k] = blend_pixel (t[k], FALSE, alpha, d[k]);
}

static inline guint32
samples_alpha (int n)
{
  return n >= SAMPLES ? 255 : (guint32) n << 4;
}

/* One pixel row being blended: its pixels and the source's for it. */
typedef struct
{
  guint32       *d;
  const guint32 *tile;     /* a pattern's row, repeating every `width` pixels; NULL: solid */
  int            width;
  int            dx;       /* pixel x shows the pattern's column (x + dx) mod width */
  const guint32 *lit;      /* the solid colour's tables (LodeSpanSource) */
  const guint8  *keep;
  guint32        half;
} Row;

/* pixman's source IN alpha OVER d for a translucent colour; for an opaque one, which Cairo
 * blends itself, its interpolation s × alpha + d × (255 − alpha), rounding with 127. */
void
lode_span_source_set_solid (LodeSpanSource *src,
                            guint32         pixel)
{
  gboolean opaque = pixel >= 0xff000000;

  src->data = NULL;
  src->half = opaque ? 127 : 128;
  for (int n = 0; n <= SAMPLES; n++)
    {
      guint32 alpha = samples_alpha (n);

      src->lit[n] = alpha == 255 ? pixel : mul_un8x4 (pixel, alpha, src->half);
      src->keep[n] = (guint8) (255 - (opaque ? alpha : src->lit[n] >> 24));
    }
}

static void
row_init (Row                  *r,
          guint8               *data,
          int                   stride,
          const LodeSpanSource *src,
          int                   y)
{
  r->d = (guint32 *) (data + (gsize) y * stride);
  r->lit = src->lit;
  r->keep = src->keep;
  r->half = src->half;
  r->tile = NULL;
  if (src->data != NULL)
    {
      int ty = (y + src->dy) % src->height;

      r->tile = src->data + (gsize) (ty < 0 ? ty + src->height : ty) * src->stride;
      r->width = src->width;
      r->dx = src->dx % src->width;
      if (r->dx < 0)
        r->dx += src->width;
    }
}

/* Pixel x, `samples` of it covered. */
static inline void
blend_one (const Row *r,
           int        x,
           int        samples)
{
  if (r->tile != NULL)
    {
      int tx = x + r->dx;

      if (tx >= r->width)
        tx %= r->width;
      r->d[x] = blend_pixel (r->tile[tx], FALSE, samples_alpha (samples), r->d[x]);
    }
  else
    r->d[x] = add_un8x4 (r->lit[samples], mul_un8x4 (r->d[x], r->keep[samples], r->half));
}

/* Pixels [x, x + n), each `samples` covered. */
static void
blend_span (const Row *r,
            int        x,
            int        n,
            int        samples)
{
  if (r->tile == NULL && r->keep[samples] == 0)
    {
      for (int k = 0; k < n; k++)
        r->d[x + k] = r->lit[samples];
    }
  else if (r->tile == NULL)
    blend_run_constant (r->d + x, n, r->lit[samples], r->keep[samples], r->half);
  else
    /* The pattern's row in pieces up to its right edge. */
    for (int tx = (x + r->dx) % r->width; n > 0; tx = 0)
      {
        int piece = MIN (n, r->width - tx);

        blend_run_pattern (r->d + x, r->tile + tx, piece, samples_alpha (samples));
        x += piece;
        n -= piece;
      }
}

static inline void
sort_two (int *v,
          int  i,
          int  j)
{
  int lo = MIN (v[i], v[j]), hi = MAX (v[i], v[j]);

  v[i] = lo;
  v[j] = hi;
}

/* Up to four, in order: a sorting network without branches, the missing ones last. */
static void
sort_four (int *v,
           int  n)
{
  for (int k = n; k < GRID; k++)
    v[k] = G_MAXINT;
  sort_two (v, 0, 1);
  sort_two (v, 2, 3);
  sort_two (v, 0, 2);
  sort_two (v, 1, 3);
  sort_two (v, 1, 2);
}

/* A band across a pixel row: the spans of its grid rows (at most one each) that belong
 * together, their left ends a and right ends b each in order. When every left end lies in a
 * pixel left of every right end's, the coverage rises over the left ends, stays, and falls
 * over the right ends. */
static gboolean
band_sort (int *a,
           int *b,
           int  m)
{
  sort_four (a, m);
  sort_four (b, m);
  return (a[m - 1] >> 2) < (b[0] >> 2);
}

static void
band_blend (const Row *r,
            const int *a,
            const int *b,
            int        m)
{
  int x, full = 0;

  /* The left ends: a grid row covers a pixel wholly once its span has begun left of it. */
  x = a[0] >> 2;
  for (int i = 0; i < m;)
    {
      int p = a[i] >> 2, samples = 0, entered = 0;

      if (p > x && full > 0)
        blend_span (r, x, p - x, GRID * full);
      for (; i < m && (a[i] >> 2) == p; i++, entered++)
        samples += GRID - (a[i] & (GRID - 1));
      blend_one (r, p, GRID * full + samples);
      full += entered;
      x = p + 1;
    }
  /* Between them, all of it; then the right ends. */
  for (int i = 0; i < m;)
    {
      int p = b[i] >> 2, samples = 0, left = 0;

      if (p > x)
        blend_span (r, x, p - x, GRID * full);
      for (; i < m && (b[i] >> 2) == p; i++, left++)
        samples += b[i] & (GRID - 1);
      full -= left;
      if (GRID * full + samples > 0)
        blend_one (r, p, GRID * full + samples);
      x = p + 1;
    }
}

/* A band this many pixels wide or less is blended pixel by pixel when its ends mingle. */
#define NARROW 16

/* Each pixel's samples: the overlap of each grid row's span with the pixel's columns. */
static void
band_narrow (const Row *r,
             const int *a,
             const int *b,
             int        m)
{
  int last = (b[m - 1] + GRID - 1) >> 2;

  for (int p = a[0] >> 2; p < last; p++)
    {
      int samples = 0;

      for (int g = 0; g < m; g++)
        samples += CLAMP (MIN (b[g], (p + 1) * GRID) - MAX (a[g], p * GRID), 0, GRID);
      if (samples > 0)
        blend_one (r, p, samples);
    }
}

#define MAX_BANDS 16

/* Rows of several bands: every grid row that has spans has the same number k of them, the
 * i-th of each making band i, and the bands lie apart, pixel by pixel (each one's ends apart,
 * or narrow). Blends them and returns TRUE; FALSE, blending nothing, for any other row. */
static gboolean
blend_bands (const Row      *r,
             const LodeSpan *spans,
             const guint    *first)
{
  int a[MAX_BANDS][GRID], b[MAX_BANDS][GRID], m = 0;
  gboolean apart[MAX_BANDS];
  guint k = 0;

  for (int g = 0; g < GRID; g++)
    {
      guint n = first[g + 1] - first[g];

      if (n > 0 && k > 0 && n != k)
        return FALSE;
      if (n > 0)
        k = n;
    }
  if (k == 0 || k > MAX_BANDS)
    return FALSE;
  for (int g = 0; g < GRID; g++)
    {
      if (first[g + 1] == first[g])
        continue;
      for (guint i = 0; i < k; i++)
        {
          a[i][m] = spans[first[g] + i].a;
          b[i][m] = spans[first[g] + i].b;
        }
      m++;
    }
  for (guint i = 0; i < k; i++)
    {
      apart[i] = band_sort (a[i], b[i], m);
      if ((!apart[i] && b[i][m - 1] - a[i][0] > NARROW * GRID)
          || (i > 0 && ((b[i - 1][m - 1] - 1) >> 2) >= (a[i][0] >> 2)))
        return FALSE;
    }
  for (guint i = 0; i < k; i++)
    if (apart[i])
      band_blend (r, a[i], b[i], m);
    else
      band_narrow (r, a[i], b[i], m);
  return TRUE;
}

/* The events of one grid row's spans, in order of x (its spans are in order, and each span's
 * events are). */
static guint
span_events (const LodeSpan *spans,
             guint           n_spans,
             Event          *ev)
{
  guint n = 0;

  for (guint k = 0; k < n_spans; k++)
    {
      guint a = (guint) spans[k].a, b = (guint) spans[k].b;
      guint pa = a >> 2, pb = b >> 2, inside = (a + GRID - 1) >> 2;

      if (pa == pb)
        {
          ev[n++] = pa << EVENT_SHIFT | (b - a);
          continue;
        }
      if (inside > pa)
        ev[n++] = pa << EVENT_SHIFT | (inside * GRID - a);
      if (pb > inside)
        {
          ev[n++] = inside << EVENT_SHIFT | RUN_START;
          ev[n++] = pb << EVENT_SHIFT | RUN_END;
        }
      if (b > pb * GRID)
        ev[n++] = pb << EVENT_SHIFT | (b - pb * GRID);
    }
  return n;
}

/* Merges two runs of events in order into `out`. */
static guint
merge_events (const Event *a,
              guint        na,
              const Event *b,
              guint        nb,
              Event       *out)
{
  const Event *ea = a + na, *eb = b + nb;
  Event *o = out;

  while (a < ea && b < eb)
    *o++ = *b < *a ? *b++ : *a++;
  while (a < ea)
    *o++ = *a++;
  while (b < eb)
    *o++ = *b++;
  return (guint) (o - out);
}

/* Any row: the events of its grid rows' spans, merged in order of x, swept into runs of equal
 * coverage and the single pixels at spans' ends. */
static void
blend_events (const Row      *r,
              const LodeSpan *spans,
              const guint    *first,
              Event          *ev)
{
  guint n[GRID], start[GRID], total = 0, i = 0, n01, n23, count;
  Event *tmp;
  int run = 0;

  /* Each grid row's events, then merged in pairs: in time linear in them. */
  for (int g = 0; g < GRID; g++)
    {
      start[g] = total;
      n[g] = span_events (spans + first[g], first[g + 1] - first[g], ev + total);
      total += n[g];
    }
  tmp = ev + total;
  n01 = merge_events (ev + start[0], n[0], ev + start[1], n[1], tmp);
  n23 = merge_events (ev + start[2], n[2], ev + start[3], n[3], tmp + n01);
  count = merge_events (tmp, n01, tmp + n01, n23, ev);

  while (i < count)
    {
      int x = (int) (ev[i] >> EVENT_SHIFT), own = 0, next;

      for (; i < count && (int) (ev[i] >> EVENT_SHIFT) == x; i++)
        {
          guint what = ev[i] & ((1 << EVENT_SHIFT) - 1);

          if (what == RUN_START)
            run += GRID;
          else if (what == RUN_END)
            run -= GRID;
          else
            own += (int) what;
        }
      if (own > 0)
        {
          blend_one (r, x, run + own);
          x++;
        }
      next = i < count ? (int) (ev[i] >> EVENT_SHIFT) : x;
      if (run > 0 && next > x)
        blend_span (r, x, next - x, run);
    }
}

/* A pixel row from its grid rows' spans: each span covers whole pixels inside it in its grid
 * row (4 samples each) and parts of the pixels at its ends. */
void
lode_span_blend_row (guint8               *data,
                     int                   stride,
                     const LodeSpanSource *src,
                     int                   y,
                     const LodeSpan       *spans,
                     const guint          *first,
                     guint32              *events)
{
  Row row;

  row_init (&row, data, stride, src, y);

  /* The common row: at most one span in each grid row. */
  if (first[1] - first[0] <= 1 && first[2] - first[1] <= 1 && first[3] - first[2] <= 1
      && first[4] - first[3] <= 1)
    {
      int a[GRID], b[GRID], m = 0;

      for (guint k = first[0]; k < first[GRID]; k++, m++)
        {
          a[m] = spans[k].a;
          b[m] = spans[k].b;
        }
      if (band_sort (a, b, m))
        {
          band_blend (&row, a, b, m);
          return;
        }
      /* A narrow band (a thin ribbon, a steep edge): its few pixels one by one. */
      if ((b[m - 1] - a[0]) <= NARROW * GRID)
        {
          band_narrow (&row, a, b, m);
          return;
        }
    }
  else if (blend_bands (&row, spans, first))
    return;
  blend_events (&row, spans, first, events);
}
