/* sc-view-state.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sc-view-state.h"

struct _ScViewState
{
  GObject       parent_instance;

  ScPeriodKind  kind;
  gint32        from;
  gint32        to;
  gboolean      has_period;
  ScComparison  comparison;
  GPtrArray    *filters;   /* ScQueryFilter, one per dimension */
};

G_DEFINE_FINAL_TYPE (ScViewState, sc_view_state, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static ScGrain
kind_grain (ScPeriodKind kind)
{
  switch (kind)
    {
    case SC_PERIOD_QUARTER:
      return SC_GRAIN_QUARTER;
    case SC_PERIOD_YEAR:
      return SC_GRAIN_YEAR;
    case SC_PERIOD_MONTH:
    case SC_PERIOD_CUSTOM:
    default:
      return SC_GRAIN_MONTH;
    }
}

static void
filter_free (ScQueryFilter *filter)
{
  g_ptr_array_unref (filter->values);
  g_free (filter);
}

static ScQueryFilter *
find_filter (ScViewState *self,
             ScDimension  dim)
{
  for (guint i = 0; i < self->filters->len; i++)
    {
      ScQueryFilter *filter = g_ptr_array_index (self->filters, i);

      if (filter->dim == dim)
        return filter;
    }
  return NULL;
}

static void
emit_changed (ScViewState *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
sc_view_state_finalize (GObject *object)
{
  ScViewState *self = SC_VIEW_STATE (object);

  g_ptr_array_unref (self->filters);

  G_OBJECT_CLASS (sc_view_state_parent_class)->finalize (object);
}

static void
sc_view_state_class_init (ScViewStateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_view_state_finalize;

  /**
   * ScViewState::changed:
   *
   * The period, the comparison or the filters changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sc_view_state_init (ScViewState *self)
{
  self->kind = SC_PERIOD_MONTH;
  self->comparison = SC_COMPARE_PREVIOUS;
  self->filters = g_ptr_array_new_with_free_func ((GDestroyNotify) filter_free);
}

ScViewState *
sc_view_state_new (void)
{
  return g_object_new (SC_TYPE_VIEW_STATE, NULL);
}

ScPeriodKind
sc_view_state_get_kind (ScViewState *self)
{
  g_return_val_if_fail (SC_IS_VIEW_STATE (self), SC_PERIOD_MONTH);

  return self->kind;
}

gint32
sc_view_state_get_from (ScViewState *self)
{
  g_return_val_if_fail (SC_IS_VIEW_STATE (self), 0);

  return self->from;
}

gint32
sc_view_state_get_to (ScViewState *self)
{
  g_return_val_if_fail (SC_IS_VIEW_STATE (self), 0);

  return self->to;
}

gboolean
sc_view_state_has_period (ScViewState *self)
{
  g_return_val_if_fail (SC_IS_VIEW_STATE (self), FALSE);

  return self->has_period;
}

ScComparison
sc_view_state_get_comparison (ScViewState *self)
{
  g_return_val_if_fail (SC_IS_VIEW_STATE (self), SC_COMPARE_NONE);

  return self->comparison;
}

/**
 * sc_view_state_get_filters:
 * @self: a view state
 *
 * Returns: (transfer none) (element-type ScQueryFilter): the filters, one
 *   per dimension, each with the values it accepts
 */
GPtrArray *
sc_view_state_get_filters (ScViewState *self)
{
  g_return_val_if_fail (SC_IS_VIEW_STATE (self), NULL);

  return self->filters;
}

/**
 * sc_view_state_get_trend_grain:
 * @self: a view state
 *
 * Returns: the grain of the trend behind the period: months for a month
 *   or a custom range, quarters for a quarter, years for a year
 */
ScGrain
sc_view_state_get_trend_grain (ScViewState *self)
{
  g_return_val_if_fail (SC_IS_VIEW_STATE (self), SC_GRAIN_MONTH);

  return kind_grain (self->kind);
}

/**
 * sc_view_state_set_period:
 * @self: a view state
 * @kind: a month, quarter, year or custom range
 * @from_day: the first day; for whole periods, any day inside the period
 * @to_day: the last day (used for custom ranges)
 *
 * Whole periods are snapped to their calendar bounds.
 */
void
sc_view_state_set_period (ScViewState  *self,
                          ScPeriodKind  kind,
                          gint32        from_day,
                          gint32        to_day)
{
  g_return_if_fail (SC_IS_VIEW_STATE (self));

  if (kind != SC_PERIOD_CUSTOM)
    {
      ScGrain grain = kind_grain (kind);

      from_day = sc_grain_bucket_start (grain, from_day);
      to_day = sc_grain_next_bucket (grain, from_day) - 1;
    }
  else if (to_day < from_day)
    {
      gint32 swap = from_day;

      from_day = to_day;
      to_day = swap;
    }

  if (self->has_period && self->kind == kind && self->from == from_day && self->to == to_day)
    return;
  self->kind = kind;
  self->from = from_day;
  self->to = to_day;
  self->has_period = TRUE;
  emit_changed (self);
}

/* Switches between month, quarter and year around the current period's
 * end, so that "Quarter" after "October 2026" is Q4 2026. */
void
sc_view_state_set_kind (ScViewState  *self,
                        ScPeriodKind  kind)
{
  g_return_if_fail (SC_IS_VIEW_STATE (self));

  if (!self->has_period || kind == self->kind)
    return;
  if (kind == SC_PERIOD_CUSTOM)
    sc_view_state_set_period (self, kind, self->from, self->to);
  else
    sc_view_state_set_period (self, kind, self->to, self->to);
}

/**
 * sc_view_state_step:
 * @self: a view state
 * @direction: -1 for the period before, 1 for the one after
 *
 * Moves by one period of the same kind; a custom range moves by its length.
 */
void
sc_view_state_step (ScViewState *self,
                    int          direction)
{
  gint32 length;

  g_return_if_fail (SC_IS_VIEW_STATE (self));

  if (!self->has_period || direction == 0)
    return;
  if (self->kind == SC_PERIOD_CUSTOM)
    {
      length = self->to - self->from + 1;
      sc_view_state_set_period (self, SC_PERIOD_CUSTOM, self->from + direction * length,
                                self->to + direction * length);
    }
  else if (direction < 0)
    sc_view_state_set_period (self, self->kind, self->from - 1, self->from - 1);
  else
    sc_view_state_set_period (self, self->kind, self->to + 1, self->to + 1);
}

void
sc_view_state_set_comparison (ScViewState  *self,
                              ScComparison  comparison)
{
  g_return_if_fail (SC_IS_VIEW_STATE (self));

  if (self->comparison == comparison)
    return;
  self->comparison = comparison;
  emit_changed (self);
}

void
sc_view_state_add_filter (ScViewState *self,
                          ScDimension  dim,
                          const char  *value)
{
  ScQueryFilter *filter;

  g_return_if_fail (SC_IS_VIEW_STATE (self));
  g_return_if_fail (value != NULL);

  filter = find_filter (self, dim);
  if (filter == NULL)
    {
      filter = g_new0 (ScQueryFilter, 1);
      filter->dim = dim;
      filter->values = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->filters, filter);
    }
  else if (g_ptr_array_find_with_equal_func (filter->values, value, g_str_equal, NULL))
    return;
  g_ptr_array_add (filter->values, g_strdup (value));
  emit_changed (self);
}

void
sc_view_state_remove_filter (ScViewState *self,
                             ScDimension  dim,
                             const char  *value)
{
  ScQueryFilter *filter;
  guint index;

  g_return_if_fail (SC_IS_VIEW_STATE (self));

  filter = find_filter (self, dim);
  if (filter == NULL
      || !g_ptr_array_find_with_equal_func (filter->values, value, g_str_equal, &index))
    return;
  g_ptr_array_remove_index (filter->values, index);
  if (filter->values->len == 0)
    g_ptr_array_remove (self->filters, filter);
  emit_changed (self);
}

void
sc_view_state_clear_filters (ScViewState *self)
{
  g_return_if_fail (SC_IS_VIEW_STATE (self));

  if (self->filters->len == 0)
    return;
  g_ptr_array_set_size (self->filters, 0);
  emit_changed (self);
}

/* The baseline, when the comparison is with it: the three months before
 * the period. */
#define BASELINE_MONTHS 3

/**
 * sc_view_state_get_comparison_range:
 * @self: a view state with a period
 * @from_day: (out): the first day compared against
 * @to_day: (out): the last day compared against
 *
 * The days the period is compared with, as the engine takes them: the
 * period before (whole months shift by months), the same dates a year
 * earlier, or the baseline (the three months before the period).
 *
 * Returns: %FALSE when there is no period or no comparison
 */
gboolean
sc_view_state_get_comparison_range (ScViewState *self,
                                    gint32      *from_day,
                                    gint32      *to_day)
{
  g_autoptr(ScQuery) query = NULL;

  g_return_val_if_fail (SC_IS_VIEW_STATE (self), FALSE);

  if (!self->has_period || self->comparison == SC_COMPARE_NONE)
    return FALSE;
  query = sc_query_new ();
  sc_query_set_comparison (query, self->comparison);
  if (self->comparison == SC_COMPARE_BASELINE)
    {
      gint32 to = self->from - 1;
      gint32 from = sc_grain_bucket_start (SC_GRAIN_MONTH, self->from);

      for (int i = 0; i < BASELINE_MONTHS; i++)
        from = sc_grain_bucket_start (SC_GRAIN_MONTH, from - 1);
      sc_query_set_baseline (query, from, to);
    }
  sc_query_get_comparison_range (query, self->from, self->to, from_day, to_day);
  return TRUE;
}

/**
 * sc_view_state_apply:
 * @self: a view state
 * @query: a query
 *
 * Sets @query's range, comparison and filters from the state.
 */
void
sc_view_state_apply (ScViewState *self,
                     ScQuery     *query)
{
  g_return_if_fail (SC_IS_VIEW_STATE (self));
  g_return_if_fail (query != NULL);

  if (self->has_period)
    sc_query_set_range (query, self->from, self->to);
  sc_query_set_comparison (query, self->comparison);
  if (self->comparison == SC_COMPARE_BASELINE)
    {
      gint32 from, to;

      /* For the baseline, the range is the baseline's. */
      if (sc_view_state_get_comparison_range (self, &from, &to))
        sc_query_set_baseline (query, from, to);
    }
  for (guint i = 0; i < self->filters->len; i++)
    {
      ScQueryFilter *filter = g_ptr_array_index (self->filters, i);

      for (guint v = 0; v < filter->values->len; v++)
        sc_query_add_filter (query, filter->dim, g_ptr_array_index (filter->values, v));
    }
}

static GDateTime *
day_to_date (gint32 day_number)
{
  int year, month, day;

  sc_calendar_ymd_from_day (day_number, &year, &month, &day);
  return g_date_time_new_utc (year, month, day, 12, 0, 0);
}

/**
 * sc_format_day_range:
 * @from_day: the first day
 * @to_day: the last day
 *
 * Returns: (transfer full): "3 – 16 Feb 2026" or "28 Dec 2025 – 10 Jan 2026"
 */
char *
sc_format_day_range (gint32 from_day,
                     gint32 to_day)
{
  g_autoptr(GDateTime) from = day_to_date (from_day);
  g_autoptr(GDateTime) to = day_to_date (to_day);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  /* Translators: dates as in "1 Nov 2024"; see g_date_time_format(). */
  b = g_date_time_format (to, _("%-d %b %Y"));
  if (from_day == to_day)
    return g_steal_pointer (&b);
  if (g_date_time_get_year (from) == g_date_time_get_year (to))
    /* Translators: the first date of a range within one year, as in "1 Nov" */
    a = g_date_time_format (from, _("%-d %b"));
  else
    a = g_date_time_format (from, _("%-d %b %Y"));
  return g_strdup_printf ("%s – %s", a, b);
}

/* A whole month, quarter or year by its name, else the range of days. */
static char *
format_period (ScPeriodKind kind,
               gint32       from_day,
               gint32       to_day)
{
  g_autoptr(GDateTime) from = day_to_date (from_day);
  int year, month, day;

  sc_calendar_ymd_from_day (from_day, &year, &month, &day);
  if (kind != SC_PERIOD_CUSTOM
      && (from_day != sc_grain_bucket_start (kind_grain (kind), from_day)
          || to_day != sc_grain_next_bucket (kind_grain (kind), from_day) - 1))
    kind = SC_PERIOD_CUSTOM;
  switch (kind)
    {
    case SC_PERIOD_MONTH:
      /* Translators: a month as in "October 2026"; see g_date_time_format(). */
      return g_date_time_format (from, _("%B %Y"));
    case SC_PERIOD_QUARTER:
      /* Translators: a quarter as in "Q4 2026" */
      return g_strdup_printf (_("Q%d %d"), (month - 1) / 3 + 1, year);
    case SC_PERIOD_YEAR:
      return g_strdup_printf ("%d", year);
    case SC_PERIOD_CUSTOM:
    default:
      return sc_format_day_range (from_day, to_day);
    }
}

/**
 * sc_view_state_dup_comparison_label:
 * @self: a view state
 *
 * Returns: (transfer full) (nullable): "Compared with September 2026",
 *   "Compared with the baseline, 1 Jul – 30 Sep 2026", or %NULL without a
 *   comparison
 */
char *
sc_view_state_dup_comparison_label (ScViewState *self)
{
  g_autofree char *range = NULL;
  gint32 from, to;

  g_return_val_if_fail (SC_IS_VIEW_STATE (self), NULL);

  if (!sc_view_state_get_comparison_range (self, &from, &to))
    return NULL;
  if (self->comparison == SC_COMPARE_BASELINE)
    {
      range = sc_format_day_range (from, to);
      /* Translators: the baseline is a range of days */
      return g_strdup_printf (_("Compared with the baseline, %s"), range);
    }
  range = format_period (self->kind, from, to);
  /* Translators: "Compared with September 2026" */
  return g_strdup_printf (_("Compared with %s"), range);
}

/**
 * sc_view_state_dup_against_label:
 * @self: a view state
 *
 * Returns: (transfer full) (nullable): what a change is against, short:
 *   "September 2026", "Q1 2025", "the baseline"; %NULL without a comparison
 */
char *
sc_view_state_dup_against_label (ScViewState *self)
{
  gint32 from, to;

  g_return_val_if_fail (SC_IS_VIEW_STATE (self), NULL);

  if (!sc_view_state_get_comparison_range (self, &from, &to))
    return NULL;
  if (self->comparison == SC_COMPARE_BASELINE)
    return g_strdup (_("the baseline"));
  return format_period (self->kind, from, to);
}

/**
 * sc_view_state_dup_period_label:
 * @self: a view state
 *
 * Returns: (transfer full): "October 2026", "Q4 2026", "2026" or a range
 */
char *
sc_view_state_dup_period_label (ScViewState *self)
{
  g_return_val_if_fail (SC_IS_VIEW_STATE (self), NULL);

  if (!self->has_period)
    return g_strdup (_("All data"));
  return format_period (self->kind, self->from, self->to);
}

/**
 * sc_latest_complete_month:
 * @last_created: when the newest interaction was created (Unix time)
 * @now: the current time (Unix time)
 * @zone: the organisation's time zone
 *
 * The month a review looks at first: the month of the newest data, or the
 * month before when that one is still running.
 *
 * Returns: the first day of that month
 */
gint32
sc_latest_complete_month (gint64     last_created,
                          gint64     now,
                          GTimeZone *zone)
{
  g_autoptr(GDateTime) last_utc = g_date_time_new_from_unix_utc (last_created);
  g_autoptr(GDateTime) now_utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) last = g_date_time_to_timezone (last_utc, zone);
  g_autoptr(GDateTime) today = g_date_time_to_timezone (now_utc, zone);
  gint32 first = sc_calendar_day_from_ymd (g_date_time_get_year (last),
                                           g_date_time_get_month (last), 1);

  if (g_date_time_get_year (last) == g_date_time_get_year (today)
      && g_date_time_get_month (last) == g_date_time_get_month (today))
    first = sc_grain_bucket_start (SC_GRAIN_MONTH, first - 1);
  return first;
}
