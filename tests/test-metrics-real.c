/* test-metrics-real.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine on real exports nobody on this project wrote
 * (../shared/data/, skipped when absent). Each file is imported with the
 * importer; the expected values are computed here from the raw CSV with
 * plain code over the fields (read with ScCsvReader), never by the engine.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc-csv-reader.h"
#include "sc-engine.h"
#include "sc-importer.h"
#include "sc-test-util.h"

/* ---- Reading the raw file ---------------------------------------------------- */

typedef struct
{
  GStrv      header;
  GPtrArray *rows;     /* GStrv per record */
} Table;

static void
table_free (Table *table)
{
  g_strfreev (table->header);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

static Table *
read_table (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCsvReader) reader = sc_csv_reader_new_for_path (path, &error);
  Table *table = g_new0 (Table, 1);
  const ScCsvRecord *record;

  g_assert_no_error (error);
  g_assert_true (sc_csv_reader_open (reader, NULL, &error));
  table->header = g_strdupv ((char **) sc_csv_reader_get_header (reader));
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  while ((record = sc_csv_reader_next (reader, &error)) != NULL)
    {
      char **fields = g_new0 (char *, record->n_fields + 1);

      for (guint c = 0; c < record->n_fields; c++)
        fields[c] = g_strndup (record->fields[c].data, record->fields[c].len);
      g_ptr_array_add (table->rows, fields);
    }
  g_assert_no_error (error);
  return table;
}

static guint
column (const Table *table,
        const char  *name)
{
  for (guint c = 0; table->header[c] != NULL; c++)
    if (g_str_equal (table->header[c], name))
      return c;
  g_error ("no column “%s”", name);
}

static const char *
field (const Table *table,
       guint        row,
       guint        col)
{
  char **fields = table->rows->pdata[row];

  return col < g_strv_length (fields) ? fields[col] : "";
}

/* "H:MM:SS" → seconds */
static gint64
parse_hms (const char *text)
{
  int h, m, s;

  g_assert_cmpint (sscanf (text, "%d:%d:%d", &h, &m, &s), ==, 3);
  return h * 3600 + m * 60 + s;
}

/* "YYYY-MM-DD HH:MM:SS" (or a date alone) in UTC → Unix seconds */
static gint64
parse_instant (const char *text)
{
  int y, mo, d, h = 0, mi = 0, s = 0;

  g_assert_cmpint (sscanf (text, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s), >=, 3);
  return (gint64) sc_calendar_day_from_ymd (y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

/* ---- Importing and asking the engine ------------------------------------------ */

typedef struct
{
  char     *dir;
  ScStore  *store;
  ScEngine *engine;
} Fixture;

static gboolean
fixture_import (Fixture    *f,
                const char *path,
                const char *preset,
                gint64      expected_rows)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *store_path = NULL;
  g_autoptr(ScImporter) importer = NULL;
  g_autoptr(ScImportResult) result = NULL;

  f->dir = sc_test_make_tmpdir ();
  store_path = g_build_filename (f->dir, "store.db", NULL);
  f->store = sc_store_open (store_path, SC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  importer = sc_importer_new (f->store);
  sc_importer_set_preset (importer, preset);
  result = sc_importer_run (importer, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->counts.inserted, ==, expected_rows);
  f->engine = sc_engine_new (f->store);
  return TRUE;
}

static void
fixture_clear (Fixture *f)
{
  g_clear_object (&f->engine);
  g_clear_object (&f->store);
  sc_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* One metric over all the data. */
static ScMetricValue
engine_value (Fixture    *f,
              ScMetricId  metric)
{
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sc_query_add_metric (query, metric);
  result = sc_engine_run (f->engine, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->values->len, ==, 1);
  return g_array_index (result->values, ScMetricValue, 0);
}

static void
assert_metric (Fixture    *f,
               ScMetricId  metric,
               double      expected,
               gint64      expected_n)
{
  ScMetricValue v = engine_value (f, metric);

  g_test_message ("%s: engine %.6f (n %" G_GINT64_FORMAT "), from the file %.6f (n %" G_GINT64_FORMAT ")",
                  sc_metric_get (metric)->id_string, v.value, v.n, expected, expected_n);
  g_assert_cmpint (v.n, ==, expected_n);
  g_assert_cmpfloat_with_epsilon (v.value, expected, 1e-9 * MAX (1, fabs (expected)));
}

/* ---- PwC call log --------------------------------------------------------------- */

typedef struct
{
  gint64 calls, abandoned, resolved;
  gint64 speed_n, speed_sum, talk_n, talk_sum;
  gint64 rating_n, rating_top, rating_sum;
  gint64 by_month[12];
} CallTotals;

static void
count_calls (const Table *t,
             CallTotals  *c)
{
  guint answered = column (t, "Answered (Y/N)"), resolved = column (t, "Resolved");
  guint speed = column (t, "Speed of answer in seconds"), talk = column (t, "AvgTalkDuration");
  guint rating = column (t, "Satisfaction rating"), date = column (t, "Date");

  memset (c, 0, sizeof *c);
  for (guint r = 0; r < t->rows->len; r++)
    {
      c->calls++;
      c->abandoned += g_str_equal (field (t, r, answered), "N");
      c->resolved += g_str_equal (field (t, r, resolved), "Y");
      c->by_month[atoi (field (t, r, date) + 5) - 1]++;
      if (*field (t, r, speed) != '\0')
        {
          c->speed_n++;
          c->speed_sum += atoi (field (t, r, speed));
        }
      if (*field (t, r, talk) != '\0')
        {
          c->talk_n++;
          c->talk_sum += parse_hms (field (t, r, talk));
        }
      if (*field (t, r, rating) != '\0')
        {
          int score = atoi (field (t, r, rating));

          c->rating_n++;
          c->rating_top += score >= 4;
          c->rating_sum += score;
        }
    }
}

static void
assert_monthly_volume (Fixture      *f,
                       const gint64 *by_month)
{
  g_autoptr(ScQuery) query = sc_query_new ();
  g_autoptr(ScQueryResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sc_query_add_metric (query, SC_METRIC_VOLUME);
  sc_query_set_grain (query, SC_GRAIN_MONTH);
  result = sc_engine_run (f->engine, query, &error);
  g_assert_no_error (error);
  for (guint b = 0; b < result->buckets->len; b++)
    {
      const ScBucket *bucket = result->buckets->pdata[b];
      int y, m, d;

      sc_calendar_ymd_from_day (bucket->first_day, &y, &m, &d);
      g_assert_cmpfloat (sc_query_result_get_value (result, SC_METRIC_VOLUME, b, -1)->value, ==,
                         by_month[m - 1]);
    }
}

static void
test_pwc_call_center (void)
{
  g_autofree char *path = sc_test_shared_path ("data", "pwc-call-center", "call-center.csv", NULL);
  g_autoptr(Table) table = NULL;
  Fixture f = { 0 };
  CallTotals c;

  if (path == NULL)
    return;
  table = read_table (path);
  count_calls (table, &c);
  g_assert_cmpint (c.calls, ==, 5000);
  fixture_import (&f, path, "pwc-call-center", c.calls);

  assert_metric (&f, SC_METRIC_VOLUME, c.calls, c.calls);
  /* Answered = offered − abandoned; no short-abandon threshold by default. */
  assert_metric (&f, SC_METRIC_ABANDONMENT, 100.0 * c.abandoned / c.calls, c.calls);
  assert_metric (&f, SC_METRIC_ASA, (double) c.speed_sum / c.speed_n, c.speed_n);
  assert_metric (&f, SC_METRIC_AHT, (double) c.talk_sum / c.talk_n, c.talk_n);
  assert_metric (&f, SC_METRIC_CSAT, 100.0 * c.rating_top / c.rating_n, c.rating_n);
  assert_metric (&f, SC_METRIC_CSAT_MEAN_PCT, 100.0 * c.rating_sum / (5.0 * c.rating_n), c.rating_n);
  assert_metric (&f, SC_METRIC_RESOLUTION_RATE, 100.0 * c.resolved / c.calls, c.calls);
  assert_monthly_volume (&f, c.by_month);
  fixture_clear (&f);
}

/* ---- Kaggle ticket export -------------------------------------------------------- */

typedef struct
{
  gint64 tickets, closed;
  gint64 rating_n, rating_top, rating_sum;
  gint64 res_n;
  double res_sum;
} TicketTotals;

/* The preset's documented rule: a ticket is first known at its first
 * response, or at its purchase date when it has none. */
static gint64
ticket_created (const Table *t,
                guint        row)
{
  const char *first = field (t, row, column (t, "First Response Time"));

  return parse_instant (*first != '\0' ? first : field (t, row, column (t, "Date of Purchase")));
}

static void
count_tickets (const Table  *t,
               TicketTotals *c)
{
  guint status = column (t, "Ticket Status"), rating = column (t, "Customer Satisfaction Rating");
  guint resolved_at = column (t, "Time to Resolution");

  memset (c, 0, sizeof *c);
  for (guint r = 0; r < t->rows->len; r++)
    {
      gboolean closed = g_str_equal (field (t, r, status), "Closed");

      c->tickets++;
      c->closed += closed;
      if (*field (t, r, rating) != '\0')
        {
          double score = g_ascii_strtod (field (t, r, rating), NULL);

          c->rating_n++;
          c->rating_top += score >= 4;
          c->rating_sum += (gint64) score;
        }
      /* Resolutions "before" the first response are not durations. */
      if (closed && *field (t, r, resolved_at) != '\0'
          && parse_instant (field (t, r, resolved_at)) >= ticket_created (t, r))
        {
          c->res_n++;
          c->res_sum += parse_instant (field (t, r, resolved_at)) - ticket_created (t, r);
        }
    }
}

static void
test_kaggle_tickets (void)
{
  g_autofree char *path = sc_test_shared_path ("data", "kaggle-support-tickets",
                                               "customer_support_tickets.csv", NULL);
  g_autoptr(Table) table = NULL;
  Fixture f = { 0 };
  TicketTotals c;

  if (path == NULL)
    return;
  table = read_table (path);
  count_tickets (table, &c);
  g_assert_cmpint (c.tickets, ==, 8469);
  fixture_import (&f, path, "kaggle-support-tickets", c.tickets);

  assert_metric (&f, SC_METRIC_VOLUME, c.tickets, c.tickets);
  assert_metric (&f, SC_METRIC_RESOLUTION_RATE, 100.0 * c.closed / c.tickets, c.tickets);
  assert_metric (&f, SC_METRIC_CSAT, 100.0 * c.rating_top / c.rating_n, c.rating_n);
  assert_metric (&f, SC_METRIC_CSAT_MEAN_PCT, 100.0 * c.rating_sum / (5.0 * c.rating_n), c.rating_n);
  assert_metric (&f, SC_METRIC_RESOLUTION_TIME_MEAN, c.res_sum / c.res_n, c.res_n);
  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scorecard/metrics/real/pwc-call-center", test_pwc_call_center);
  g_test_add_func ("/scorecard/metrics/real/kaggle-tickets", test_kaggle_tickets);
  return g_test_run ();
}
