/* sc-target.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sc-target.h"

/* ---- Periods --------------------------------------------------------------- */

static gboolean
parse_month_text (const char *text,
                  gint32     *day)
{
  int y, m, used = 0;

  if (strlen (text) == 7 && sscanf (text, "%4d-%2d%n", &y, &m, &used) == 2 && used == 7
      && y >= 1 && m >= 1 && m <= 12)
    {
      *day = sc_calendar_day_from_ymd (y, m, 1);
      return TRUE;
    }
  return FALSE;
}

/* A start date: YYYY-MM-DD, or YYYY-MM for the month's first day. */
static gboolean
parse_start (const char *text,
             gint32     *day)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  return sc_calendar_parse_date (trimmed, day) || parse_month_text (trimmed, day);
}

static gboolean
parse_calendar_period (const char     *text,
                       ScTargetPeriod *period)
{
  int y, n, used = 0;
  gsize len = strlen (text);

  if (parse_month_text (text, &period->start_day))
    period->kind = SC_TARGET_PERIOD_MONTH;
  else if (len == 7 && (sscanf (text, "%4d-Q%1d%n", &y, &n, &used) == 2
                        || sscanf (text, "%4d-q%1d%n", &y, &n, &used) == 2)
           && used == 7 && y >= 1 && n >= 1 && n <= 4)
    {
      period->kind = SC_TARGET_PERIOD_QUARTER;
      period->start_day = sc_calendar_day_from_ymd (y, (n - 1) * 3 + 1, 1);
    }
  else if (len == 4 && sscanf (text, "%4d%n", &y, &used) == 1 && used == 4 && y >= 1)
    {
      period->kind = SC_TARGET_PERIOD_YEAR;
      period->start_day = sc_calendar_day_from_ymd (y, 1, 1);
    }
  else
    return FALSE;
  return TRUE;
}

/**
 * sc_target_period_parse:
 * @text: `2026-03` (a month), `2026-Q4` (a quarter), `2026` (a year), or
 *   `from 2026-03-15`, `from 2026-03` or `2026-03-15..` (from a date onward)
 * @period: (out): the period
 * @error: return location for an error
 *
 * Returns: %TRUE when @text is a target period
 */
gboolean
sc_target_period_parse (const char      *text,
                        ScTargetPeriod  *period,
                        GError         **error)
{
  g_autofree char *trimmed = NULL;
  gsize len;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));
  len = strlen (trimmed);
  if (g_ascii_strncasecmp (trimmed, "from ", 5) == 0 && parse_start (trimmed + 5, &period->start_day))
    {
      period->kind = SC_TARGET_PERIOD_FROM;
      return TRUE;
    }
  if (len > 2 && g_str_has_suffix (trimmed, ".."))
    {
      trimmed[len - 2] = '\0';
      if (parse_start (trimmed, &period->start_day))
        {
          period->kind = SC_TARGET_PERIOD_FROM;
          return TRUE;
        }
    }
  else if (parse_calendar_period (trimmed, period))
    return TRUE;

  g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
               _("“%s” is not a target period; use a month (2026-03), a quarter (2026-Q4), "
                 "a year (2026) or a start date (from 2026-03-15)"), text);
  return FALSE;
}

/**
 * sc_target_month_parse:
 * @what: what the month is, for the message (a field's name or an option)
 * @text: a month, `2026-11`
 * @first_day: (out): the month's first day
 * @error: return location for an error naming @what and @text
 *
 * Returns: %TRUE when @text is a month
 */
gboolean
sc_target_month_parse (const char  *what,
                       const char  *text,
                       gint32      *first_day,
                       GError     **error)
{
  ScTargetPeriod period;

  g_return_val_if_fail (what != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (sc_target_period_parse (text, &period, NULL) && period.kind == SC_TARGET_PERIOD_MONTH)
    {
      *first_day = period.start_day;
      return TRUE;
    }
  g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
               _("%s: “%s” is not a month; write YYYY-MM, such as 2026-11"), what, text);
  return FALSE;
}

/**
 * sc_target_period_format:
 * @period: a period
 *
 * Returns: (transfer full): the period as sc_target_period_parse() reads
 *   it: `2026-03`, `2026-Q4`, `2026` or `from 2026-03-15`
 */
char *
sc_target_period_format (const ScTargetPeriod *period)
{
  int y, m, d;

  g_return_val_if_fail (period != NULL, NULL);

  sc_calendar_ymd_from_day (period->start_day, &y, &m, &d);
  switch (period->kind)
    {
    case SC_TARGET_PERIOD_MONTH:
      return g_strdup_printf ("%04d-%02d", y, m);
    case SC_TARGET_PERIOD_QUARTER:
      return g_strdup_printf ("%04d-Q%d", y, (m - 1) / 3 + 1);
    case SC_TARGET_PERIOD_YEAR:
      return g_strdup_printf ("%04d", y);
    case SC_TARGET_PERIOD_FROM:
    default:
      return g_strdup_printf ("from %04d-%02d-%02d", y, m, d);
    }
}

/**
 * sc_target_period_init_month:
 * @period: (out): the period to fill
 * @year: the year
 * @month: the month, 1–12
 *
 * Makes @period the month @year-@month.
 */
void
sc_target_period_init_month (ScTargetPeriod *period,
                             int             year,
                             int             month)
{
  g_return_if_fail (period != NULL);
  g_return_if_fail (month >= 1 && month <= 12);

  period->kind = SC_TARGET_PERIOD_MONTH;
  period->start_day = sc_calendar_day_from_ymd (year, month, 1);
}

/**
 * sc_target_period_get_last_day:
 * @period: a period
 *
 * Returns: its last day, or %G_MAXINT32 for a from-date period
 */
gint32
sc_target_period_get_last_day (const ScTargetPeriod *period)
{
  static const ScGrain grains[] = { SC_GRAIN_MONTH, SC_GRAIN_QUARTER, SC_GRAIN_YEAR };

  g_return_val_if_fail (period != NULL, 0);

  if (period->kind == SC_TARGET_PERIOD_FROM)
    return G_MAXINT32;
  return sc_grain_next_bucket (grains[period->kind], period->start_day) - 1;
}

/**
 * sc_target_period_contains:
 * @period: a target's period
 * @first_day: a bucket's first day
 * @last_day: its last day
 *
 * Whether a target for @period applies to the bucket: a month, quarter or
 * year contains the bucket; a from-date period has started by the bucket's
 * last day.
 *
 * Returns: %TRUE when it applies
 */
gboolean
sc_target_period_contains (const ScTargetPeriod *period,
                           gint32                first_day,
                           gint32                last_day)
{
  g_return_val_if_fail (period != NULL, FALSE);

  if (period->kind == SC_TARGET_PERIOD_FROM)
    return period->start_day <= last_day;
  return first_day >= period->start_day && last_day <= sc_target_period_get_last_day (period);
}

/* ---- Segments -------------------------------------------------------------- */

typedef struct
{
  ScDimension  dim;
  char        *value;
} Condition;

static void
condition_clear (Condition *condition)
{
  g_free (condition->value);
}

static int
compare_conditions (gconstpointer a,
                    gconstpointer b)
{
  const Condition *ca = a, *cb = b;

  return strcmp (sc_dimension_get_name (ca->dim), sc_dimension_get_name (cb->dim));
}

static GArray *
conditions_new (void)
{
  GArray *conditions = g_array_new (FALSE, TRUE, sizeof (Condition));

  g_array_set_clear_func (conditions, (GDestroyNotify) condition_clear);
  return conditions;
}

static char *
conditions_to_key (GArray *conditions)
{
  GString *key = g_string_new (NULL);

  g_array_sort (conditions, compare_conditions);
  for (guint i = 0; i < conditions->len; i++)
    {
      const Condition *c = &g_array_index (conditions, Condition, i);

      g_string_append_printf (key, "%s%s=%s", i > 0 ? ";" : "", sc_dimension_get_name (c->dim), c->value);
    }
  return g_string_free (key, FALSE);
}

/* Splits a canonical key, which is known to be well formed. */
static GArray *
key_to_conditions (const char *key)
{
  GArray *conditions = conditions_new ();
  g_auto(GStrv) parts = NULL;

  if (key == NULL || key[0] == '\0')
    return conditions;
  parts = g_strsplit (key, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *eq = strchr (parts[i], '=');
      g_autofree char *name = eq ? g_strndup (parts[i], eq - parts[i]) : NULL;
      Condition c;

      if (name == NULL || !sc_dimension_from_name (name, &c.dim))
        continue;
      c.value = g_strdup (eq + 1);
      g_array_append_val (conditions, c);
    }
  return conditions;
}

/* The store's own spelling of a value typed in another case, so the
 * engine's exact filters find it; the value as typed when the store does
 * not know it (targets may be set before the data is imported). */
static char *
store_spelling (ScStore     *store,
                ScDimension  dim,
                const char  *value)
{
  g_autoptr(GPtrArray) known = NULL;
  g_autofree char *folded = g_utf8_casefold (value, -1);

  if (store == NULL || (known = sc_store_list_dimension_values (store, dim, NULL)) == NULL)
    return g_strdup (value);
  for (guint i = 0; i < known->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (known->pdata[i], -1);

      if (g_str_equal (folded, other))
        return g_strdup (known->pdata[i]);
    }
  return g_strdup (value);
}

static gboolean
parse_condition (const char  *text,
                 ScStore     *store,
                 GArray      *conditions,
                 GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *eq = strchr (copy, '=');
  Condition c;

  if (eq == NULL || eq == copy)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                   _("“%s” is not a segment condition; write DIMENSION=VALUE, e.g. channel=Email"), text);
      return FALSE;
    }
  *eq = '\0';
  g_strstrip (copy);
  g_strstrip (eq + 1);
  if (!sc_dimension_from_name (copy, &c.dim))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                   _("“%s” in “%s” is not a dimension; use channel, team, agent, priority, category, "
                     "customer_segment, region, product, language, status or tags"), copy, text);
      return FALSE;
    }
  if (eq[1] == '\0' || strchr (eq + 1, ';') != NULL)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                   eq[1] == '\0' ? _("The segment condition “%s” has no value")
                                 : _("The value in “%s” may not contain “;”"), text);
      return FALSE;
    }
  for (guint i = 0; i < conditions->len; i++)
    if (g_array_index (conditions, Condition, i).dim == c.dim)
      {
        g_set_error (error, SC_ERROR, SC_ERROR_PARSE,
                     _("The segment names %s twice; one value per dimension"),
                     sc_dimension_get_name (c.dim));
        return FALSE;
      }
  c.value = store_spelling (store, c.dim, eq + 1);
  g_array_append_val (conditions, c);
  return TRUE;
}

/**
 * sc_segment_key_from_conditions:
 * @conditions: (array zero-terminated=1) (nullable): `DIMENSION=VALUE`
 *   conditions, e.g. the `--where` options of the command line
 * @store: (nullable): a store whose spelling of values to use when a value
 *   was typed in another case (`email` → `Email`)
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the canonical key (empty for no
 *   conditions), or %NULL with @error set
 */
char *
sc_segment_key_from_conditions (const char * const  *conditions,
                                ScStore             *store,
                                GError             **error)
{
  g_autoptr(GArray) parsed = conditions_new ();

  g_return_val_if_fail (store == NULL || SC_IS_STORE (store), NULL);

  for (guint i = 0; conditions != NULL && conditions[i] != NULL; i++)
    if (!parse_condition (conditions[i], store, parsed, error))
      return NULL;
  return conditions_to_key (parsed);
}

/**
 * sc_segment_key_parse:
 * @text: conditions joined by `;` (`team=Billing; channel=email`); empty,
 *   `all` or `*` for all interactions
 * @store: (nullable): a store whose spelling of values to use
 * @error: return location for an error
 *
 * Reads a segment as a user or a file wrote it.
 *
 * Returns: (transfer full) (nullable): the canonical key, or %NULL with
 *   @error set (a condition without `=`, an unknown dimension, an empty
 *   value, a dimension named twice)
 */
char *
sc_segment_key_parse (const char  *text,
                      ScStore     *store,
                      GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  trimmed = g_strstrip (g_strdup (text));
  if (trimmed[0] == '\0' || g_ascii_strcasecmp (trimmed, "all") == 0 || g_str_equal (trimmed, "*"))
    return g_strdup ("");
  parts = g_strsplit (trimmed, ";", -1);
  return sc_segment_key_from_conditions ((const char * const *) parts, store, error);
}

/**
 * sc_segment_key_from_filters:
 * @filters: (element-type ScQueryFilter): the filters of a query
 *
 * The segment a filtered view shows: one condition per filter that keeps a
 * single value. A filter keeping several values is not one segment, so it
 * adds no condition.
 *
 * Returns: (transfer full): the canonical key
 */
char *
sc_segment_key_from_filters (const GPtrArray *filters)
{
  g_autoptr(GArray) conditions = conditions_new ();

  for (guint i = 0; filters != NULL && i < filters->len; i++)
    {
      const ScQueryFilter *filter = filters->pdata[i];
      Condition c;

      if (filter->values->len != 1 || filter->dim >= SC_DIM_N_BUILTIN)
        continue;
      c.dim = filter->dim;
      c.value = g_strdup (filter->values->pdata[0]);
      g_array_append_val (conditions, c);
    }
  return conditions_to_key (conditions);
}

/**
 * sc_segment_key_add:
 * @key: a canonical key
 * @dim: a dimension
 * @value: its value
 *
 * The key of one row of a breakdown: @key with @dim=@value (replacing any
 * condition on @dim).
 *
 * Returns: (transfer full): the canonical key
 */
char *
sc_segment_key_add (const char  *key,
                    ScDimension  dim,
                    const char  *value)
{
  g_autoptr(GArray) conditions = key_to_conditions (key);
  Condition c = { dim, g_strdup (value) };

  g_return_val_if_fail (dim < SC_DIM_N_BUILTIN, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  for (guint i = 0; i < conditions->len; i++)
    if (g_array_index (conditions, Condition, i).dim == dim)
      g_array_remove_index (conditions, i--);
  g_array_append_val (conditions, c);
  return conditions_to_key (conditions);
}

/**
 * sc_segment_key_count:
 * @key: a canonical key
 *
 * Returns: its number of conditions (0 for all interactions)
 */
guint
sc_segment_key_count (const char *key)
{
  guint n = 0;

  if (key == NULL || key[0] == '\0')
    return 0;
  for (const char *p = key; *p != '\0'; p++)
    n += *p == ';';
  return n + 1;
}

static gboolean
has_condition (GArray          *conditions,
               const Condition *wanted)
{
  g_autofree char *folded = g_utf8_casefold (wanted->value, -1);

  for (guint i = 0; i < conditions->len; i++)
    {
      const Condition *c = &g_array_index (conditions, Condition, i);
      g_autofree char *other = NULL;

      if (c->dim != wanted->dim)
        continue;
      other = g_utf8_casefold (c->value, -1);
      return g_str_equal (folded, other);
    }
  return FALSE;
}

/**
 * sc_segment_key_matches:
 * @key: a target's segment key
 * @context: the segment being looked at (a view's filters, a row of a
 *   breakdown)
 *
 * Whether a target for @key applies to @context: every condition of @key
 * holds in @context (values compared without regard to case). The empty
 * key matches every context.
 *
 * Returns: %TRUE when it applies
 */
gboolean
sc_segment_key_matches (const char *key,
                        const char *context)
{
  g_autoptr(GArray) wanted = key_to_conditions (key);
  g_autoptr(GArray) have = NULL;

  if (wanted->len == 0)
    return TRUE;
  have = key_to_conditions (context);
  for (guint i = 0; i < wanted->len; i++)
    if (!has_condition (have, &g_array_index (wanted, Condition, i)))
      return FALSE;
  return TRUE;
}

/**
 * sc_segment_key_describe:
 * @key: a canonical key
 *
 * Returns: (transfer full): the segment for display: “All” or
 *   “Channel: Email, Team: Billing”
 */
char *
sc_segment_key_describe (const char *key)
{
  g_autoptr(GArray) conditions = key_to_conditions (key);
  GString *text;

  if (conditions->len == 0)
    return g_strdup (C_("segment", "All"));
  text = g_string_new (NULL);
  for (guint i = 0; i < conditions->len; i++)
    {
      const Condition *c = &g_array_index (conditions, Condition, i);

      g_string_append_printf (text, "%s%s: %s", i > 0 ? ", " : "", sc_dimension_get_label (c->dim), c->value);
    }
  return g_string_free (text, FALSE);
}

/**
 * sc_segment_key_add_to_query:
 * @key: a canonical key
 * @query: a query
 *
 * Adds one filter per condition, so @query computes the segment's value.
 */
void
sc_segment_key_add_to_query (const char *key,
                             ScQuery    *query)
{
  g_autoptr(GArray) conditions = key_to_conditions (key);

  g_return_if_fail (query != NULL);

  for (guint i = 0; i < conditions->len; i++)
    {
      const Condition *c = &g_array_index (conditions, Condition, i);

      sc_query_add_filter (query, c->dim, c->value);
    }
}
