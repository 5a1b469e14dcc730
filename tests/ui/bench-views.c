/* bench-views.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From a filter click to the new frame on screen, in the real window on a
 * store of 1,000,000 interactions: the filter Channel = chat is added and
 * removed in turn, and the time is taken from the change to the end of the
 * first frame painted after every view finished computing (the frame
 * clock's after-paint). Prints the median and the 90th percentile for the
 * dashboard, trends and segments. Bar: median ≤ 100 ms.
 *
 *   SC_BENCH_ROWS=1000000 (default)  SC_BENCH_DB=/path/to/keep.db (optional)
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "sc-bench-store.h"
#include "sc-facts-file.h"
#include "sc-test-util.h"
#include "sc-ui-test-util.h"

#define ROUNDS 21

typedef struct
{
  gint64  painted;
  guint   frames;
} Paint;

static void
after_paint_cb (GdkFrameClock *clock,
                Paint         *paint)
{
  paint->painted = g_get_monotonic_time ();
  paint->frames++;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* One filter click: the time until the first frame painted after the
 * window has computed everything. */
static gint64
click_to_frame (ScWindow      *window,
                GdkFrameClock *clock,
                Paint         *paint,
                gboolean       add)
{
  ScViewState *state = sc_window_get_view_state (window);
  gint64 start = g_get_monotonic_time ();
  guint frames;

  if (add)
    sc_view_state_add_filter (state, SC_DIM_CHANNEL, "chat");
  else
    sc_view_state_remove_filter (state, SC_DIM_CHANNEL, "chat");
  while (sc_window_is_busy (window))
    g_main_context_iteration (NULL, TRUE);
  frames = paint->frames;
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (paint->frames == frames)
    g_main_context_iteration (NULL, TRUE);
  return paint->painted - start;
}

static void
measure (ScWindow   *window,
         const char *page)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  Paint paint = { 0 };
  gint64 times[ROUNDS];
  gulong id;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page);
  sc_ui_test_wait_idle (window);
  sc_ui_test_settle ();
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &paint);
  for (int i = 0; i < ROUNDS; i++)
    times[i] = click_to_frame (window, clock, &paint, i % 2 == 0);
  g_signal_handler_disconnect (clock, id);
  if (sc_view_state_get_filters (sc_window_get_view_state (window))->len > 0)
    sc_view_state_clear_filters (sc_window_get_view_state (window));
  sc_ui_test_wait_idle (window);
  qsort (times, ROUNDS, sizeof (gint64), compare_gint64);
  printf ("%-10s filter click to frame: median %6.1f ms, p90 %6.1f ms, max %6.1f ms  (bar: median <= 100 ms)\n",
          page, times[ROUNDS / 2] / 1000.0, times[(ROUNDS * 9) / 10] / 1000.0,
          times[ROUNDS - 1] / 1000.0);
}

/* The window builds the fact cache file on its first open of a store. */
static void
forget_fact_cache (const char *path)
{
  g_autoptr(ScStore) store = sc_store_open (path, SC_STORE_OPEN_READ_ONLY | SC_STORE_OPEN_TRUSTED, NULL);
  g_autofree char *cache = store != NULL ? sc_facts_file_path_for_store (store) : NULL;

  if (cache != NULL)
    g_unlink (cache);
}

int
main (int   argc,
      char *argv[])
{
  const char *rows_env = g_getenv ("SC_BENCH_ROWS");
  const char *keep = g_getenv ("SC_BENCH_DB");
  guint n = rows_env ? (guint) g_ascii_strtoull (rows_env, NULL, 10) : 1000000;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  ScWindow *window;
  gint64 opens[5];
  gint64 t0;

  sc_ui_test_init (&argc, &argv);
  if (keep != NULL)
    path = g_strdup (keep);
  else
    {
      dir = sc_test_make_tmpdir ();
      path = g_build_filename (dir, "bench.sqlite", NULL);
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      t0 = g_get_monotonic_time ();
      sc_bench_fill_store (path, n);
      printf ("wrote %u interactions in %.1f s\n", n, (g_get_monotonic_time () - t0) / 1e6);
    }

  forget_fact_cache (path);
  t0 = g_get_monotonic_time ();
  window = sc_ui_test_open_window (path);
  printf ("open to first dashboard in the window, no fact cache yet: %.2f s\n",
          (g_get_monotonic_time () - t0) / 1e6);
  sc_ui_test_close_window (window);
  for (guint i = 0; i < G_N_ELEMENTS (opens); i++)
    {
      t0 = g_get_monotonic_time ();
      window = sc_ui_test_open_window (path);
      opens[i] = g_get_monotonic_time () - t0;
      if (i + 1 < G_N_ELEMENTS (opens))
        sc_ui_test_close_window (window);
    }
  qsort (opens, G_N_ELEMENTS (opens), sizeof opens[0], compare_gint64);
  printf ("open to first dashboard in the window, fact cache current: median %.2f s over %u opens"
          " (bar 1.5 s)\n", opens[G_N_ELEMENTS (opens) / 2] / 1e6, (guint) G_N_ELEMENTS (opens));
  measure (window, "dashboard");
  measure (window, "trends");
  measure (window, "segments");
  sc_ui_test_close_window (window);

  if (dir != NULL)
    sc_test_remove_tree (dir);
  return 0;
}
