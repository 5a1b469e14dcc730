/* sc-engine.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The query engine: answers an #ScQuery from the columnar fact cache in
 * one pass over the rows of the period (medians by selection, not by
 * sorting), and explains changes (drivers).
 *
 * #ScEngine keeps the cache of one store and reloads it when an import
 * changed the store or the variants changed. sc_engine_compute() and
 * sc_engine_compute_drivers() are pure functions of a cache and may run on
 * a worker thread while the cache is not replaced.
 */

#pragma once

#include <glib-object.h>

#include "sc-facts.h"
#include "sc-metric-settings.h"
#include "sc-query.h"
#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_ENGINE (sc_engine_get_type ())
G_DECLARE_FINAL_TYPE (ScEngine, sc_engine, SC, ENGINE, GObject)

ScEngine       *sc_engine_new          (ScStore                *store) G_GNUC_WARN_UNUSED_RESULT;
ScStore        *sc_engine_get_store    (ScEngine               *self);
void            sc_engine_set_settings (ScEngine               *self,
                                        const ScMetricSettings *settings);
void            sc_engine_set_cache_file (ScEngine             *self,
                                        const char             *path);
const ScFacts  *sc_engine_ensure_facts (ScEngine               *self,
                                        GError                **error);
ScFacts        *sc_engine_dup_facts    (ScEngine               *self,
                                        GError                **error) G_GNUC_WARN_UNUSED_RESULT;
ScQueryResult  *sc_engine_run          (ScEngine               *self,
                                        const ScQuery          *query,
                                        GError                **error) G_GNUC_WARN_UNUSED_RESULT;
ScDrivers      *sc_engine_drivers      (ScEngine               *self,
                                        const ScQuery          *query,
                                        ScMetricId              metric,
                                        ScDimension             dim,
                                        gint32                  from_day,
                                        gint32                  to_day,
                                        gint32                  against_from,
                                        gint32                  against_to,
                                        GError                **error) G_GNUC_WARN_UNUSED_RESULT;

ScQueryResult  *sc_engine_compute      (const ScFacts          *facts,
                                        const ScQuery          *query,
                                        GError                **error) G_GNUC_WARN_UNUSED_RESULT;
ScDrivers      *sc_engine_compute_drivers (const ScFacts       *facts,
                                        const ScQuery          *query,
                                        ScMetricId              metric,
                                        ScDimension             dim,
                                        gint32                  from_day,
                                        gint32                  to_day,
                                        gint32                  against_from,
                                        gint32                  against_to,
                                        GError                **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
