/* test-view-state.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sc-view-state.h"

static void
count_cb (ScViewState *state,
          guint       *count)
{
  (*count)++;
}

static gint32
day (int y, int m, int d)
{
  return sc_calendar_day_from_ymd (y, m, d);
}

static void
assert_label (ScViewState *state,
              const char  *expected)
{
  g_autofree char *label = sc_view_state_dup_period_label (state);

  g_assert_cmpstr (label, ==, expected);
}

static void
test_periods (void)
{
  g_autoptr(ScViewState) state = sc_view_state_new ();
  guint changes = 0;

  g_signal_connect (state, "changed", G_CALLBACK (count_cb), &changes);
  g_assert_false (sc_view_state_has_period (state));
  assert_label (state, "All data");

  /* Any day of a month selects the whole month. */
  sc_view_state_set_period (state, SC_PERIOD_MONTH, day (2026, 10, 17), 0);
  g_assert_cmpint (sc_view_state_get_from (state), ==, day (2026, 10, 1));
  g_assert_cmpint (sc_view_state_get_to (state), ==, day (2026, 10, 31));
  assert_label (state, "October 2026");
  g_assert_cmpuint (changes, ==, 1);

  /* The same period again is no change. */
  sc_view_state_set_period (state, SC_PERIOD_MONTH, day (2026, 10, 2), 0);
  g_assert_cmpuint (changes, ==, 1);

  /* Stepping crosses years and month lengths. */
  sc_view_state_set_period (state, SC_PERIOD_MONTH, day (2026, 1, 9), 0);
  sc_view_state_step (state, -1);
  assert_label (state, "December 2025");
  sc_view_state_step (state, 1);
  sc_view_state_step (state, 1);
  g_assert_cmpint (sc_view_state_get_to (state), ==, day (2026, 2, 28));

  /* A quarter and a year around the current period. */
  sc_view_state_set_kind (state, SC_PERIOD_QUARTER);
  assert_label (state, "Q1 2026");
  g_assert_cmpint (sc_view_state_get_to (state), ==, day (2026, 3, 31));
  g_assert_cmpint (sc_view_state_get_trend_grain (state), ==, SC_GRAIN_QUARTER);
  sc_view_state_step (state, -1);
  assert_label (state, "Q4 2025");
  sc_view_state_set_kind (state, SC_PERIOD_YEAR);
  assert_label (state, "2025");
  g_assert_cmpint (sc_view_state_get_from (state), ==, day (2025, 1, 1));

  /* A custom range moves by its own length; reversed bounds are put in order. */
  sc_view_state_set_period (state, SC_PERIOD_CUSTOM, day (2026, 2, 16), day (2026, 2, 3));
  assert_label (state, "3 Feb – 16 Feb 2026");
  sc_view_state_step (state, 1);
  g_assert_cmpint (sc_view_state_get_from (state), ==, day (2026, 2, 17));
  g_assert_cmpint (sc_view_state_get_to (state), ==, day (2026, 3, 2));
}

static void
test_filters (void)
{
  g_autoptr(ScViewState) state = sc_view_state_new ();
  g_autoptr(ScQuery) query = sc_query_new ();
  ScQueryFilter *filter;
  guint changes = 0;

  g_signal_connect (state, "changed", G_CALLBACK (count_cb), &changes);
  sc_view_state_add_filter (state, SC_DIM_CHANNEL, "Email");
  sc_view_state_add_filter (state, SC_DIM_CHANNEL, "Chat");
  sc_view_state_add_filter (state, SC_DIM_CHANNEL, "Chat");
  sc_view_state_add_filter (state, SC_DIM_TEAM, "Billing");
  g_assert_cmpuint (changes, ==, 3);
  g_assert_cmpuint (sc_view_state_get_filters (state)->len, ==, 2);

  sc_view_state_set_period (state, SC_PERIOD_MONTH, day (2026, 2, 1), 0);
  sc_view_state_set_comparison (state, SC_COMPARE_YEAR);
  sc_view_state_apply (state, query);
  g_assert_true (query->has_range);
  g_assert_cmpint (query->from_day, ==, day (2026, 2, 1));
  g_assert_cmpint (query->to_day, ==, day (2026, 2, 28));
  g_assert_cmpint (query->comparison, ==, SC_COMPARE_YEAR);
  g_assert_cmpuint (query->filters->len, ==, 2);
  filter = g_ptr_array_index (query->filters, 0);
  g_assert_cmpuint (filter->values->len, ==, 2);

  sc_view_state_remove_filter (state, SC_DIM_CHANNEL, "Email");
  sc_view_state_remove_filter (state, SC_DIM_CHANNEL, "Chat");
  g_assert_cmpuint (sc_view_state_get_filters (state)->len, ==, 1);
  sc_view_state_remove_filter (state, SC_DIM_CHANNEL, "Chat");
  sc_view_state_clear_filters (state);
  g_assert_cmpuint (sc_view_state_get_filters (state)->len, ==, 0);
  g_assert_cmpuint (changes, ==, 8);
}

static void
assert_comparison (ScViewState *state,
                   const char  *expected)
{
  g_autofree char *label = sc_view_state_dup_comparison_label (state);

  g_assert_cmpstr (label, ==, expected);
}

static void
test_comparisons (void)
{
  g_autoptr(ScViewState) state = sc_view_state_new ();
  g_autoptr(ScQuery) query = sc_query_new ();
  gint32 from, to;

  g_assert_false (sc_view_state_get_comparison_range (state, &from, &to));
  sc_view_state_set_period (state, SC_PERIOD_MONTH, day (2026, 3, 5), 0);
  assert_comparison (state, "Compared with February 2026");
  g_assert_true (sc_view_state_get_comparison_range (state, &from, &to));
  g_assert_cmpint (from, ==, day (2026, 2, 1));
  g_assert_cmpint (to, ==, day (2026, 2, 28));

  sc_view_state_set_comparison (state, SC_COMPARE_YEAR);
  assert_comparison (state, "Compared with March 2025");

  /* A quarter compares with the quarter before; a leap day a year back. */
  sc_view_state_set_kind (state, SC_PERIOD_QUARTER);
  assert_comparison (state, "Compared with Q1 2025");
  sc_view_state_set_comparison (state, SC_COMPARE_PREVIOUS);
  assert_comparison (state, "Compared with Q4 2025");
  sc_view_state_set_period (state, SC_PERIOD_CUSTOM, day (2024, 2, 20), day (2024, 2, 29));
  assert_comparison (state, "Compared with 10 Feb – 19 Feb 2024");

  /* The baseline is the three months before, and reaches the query. */
  sc_view_state_set_period (state, SC_PERIOD_MONTH, day (2026, 10, 1), 0);
  sc_view_state_set_comparison (state, SC_COMPARE_BASELINE);
  assert_comparison (state, "Compared with the baseline, 1 Jul – 30 Sep 2026");
  {
    g_autofree char *against = sc_view_state_dup_against_label (state);

    g_assert_cmpstr (against, ==, "the baseline");
  }
  sc_view_state_apply (state, query);
  g_assert_cmpint (query->comparison, ==, SC_COMPARE_BASELINE);
  g_assert_cmpint (query->baseline_from, ==, day (2026, 7, 1));
  g_assert_cmpint (query->baseline_to, ==, day (2026, 9, 30));

  sc_view_state_set_comparison (state, SC_COMPARE_NONE);
  assert_comparison (state, NULL);
}

static void
test_latest_month (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  /* 2026-10-31 23:30 UTC is already November in Berlin. */
  gint64 last = 1793489400;
  gint64 in_december = 1796500000;
  gint64 in_november = 1794000000;

  g_assert_nonnull (berlin);
  g_assert_cmpint (sc_latest_complete_month (last, in_december, berlin), ==, day (2026, 11, 1));
  /* November is still running: October is the last complete month. */
  g_assert_cmpint (sc_latest_complete_month (last, in_november, berlin), ==, day (2026, 10, 1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scorecard/view-state/periods", test_periods);
  g_test_add_func ("/scorecard/view-state/filters", test_filters);
  g_test_add_func ("/scorecard/view-state/comparisons", test_comparisons);
  g_test_add_func ("/scorecard/view-state/latest-month", test_latest_month);

  return g_test_run ();
}
