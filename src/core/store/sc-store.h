/* sc-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store owns one SQLite file and is the only code in Scorecard that
 * writes SQL. Everything else calls these functions.
 */

#pragma once

#include <gio/gio.h>

#include "sc-error.h"

G_BEGIN_DECLS

/* The schema version this build writes (PRAGMA user_version). */
#define SC_STORE_SCHEMA_VERSION 7

/* The marker of a missing integer value (timestamps, durations, counts,
 * scores, dimension codes) in the structs of this header. */
#define SC_MISSING G_MININT64

#define SC_TYPE_STORE (sc_store_get_type ())
G_DECLARE_FINAL_TYPE (ScStore, sc_store, SC, STORE, GObject)

typedef enum
{
  SC_STORE_OPEN_DEFAULT   = 0,
  /* Create the file when it does not exist. */
  SC_STORE_OPEN_CREATE    = 1 << 0,
  /* Take the single-instance lock: a second locking open fails with
   * SC_ERROR_LOCKED while this store is open. */
  SC_STORE_OPEN_LOCK      = 1 << 1,
  /* Open read-only; no migration, no lock. */
  SC_STORE_OPEN_READ_ONLY = 1 << 2,
  /* Skip the full integrity check (PRAGMA quick_check, about half a
   * second per million interactions). Only for a further connection in a
   * process that already opened the same file without this flag: the
   * header, the schema version and every later SQLite read are still
   * checked. See sc_store_open(). */
  SC_STORE_OPEN_TRUSTED   = 1 << 3,
  /* The connection is used by one thread at a time (an import worker, the
   * command line's import): SQLite then skips the locking it does in
   * every call, which a million-row import makes 50 million times. */
  SC_STORE_OPEN_SINGLE_THREAD = 1 << 4,
} ScStoreOpenFlags;

/**
 * ScDimension:
 *
 * The segment fields kept as columns of every interaction, in the order
 * of the columns. %SC_DIM_TAGS is multi-valued. Further dimensions a user
 * keeps from an import ("custom" dimensions, single-valued) are numbered
 * from %SC_DIM_N_BUILTIN upwards, below %SC_DIM_MAX; their names and
 * labels belong to the store (sc_store_list_dimensions()).
 */
typedef enum
{
  SC_DIM_CHANNEL,
  SC_DIM_TEAM,
  SC_DIM_AGENT,
  SC_DIM_PRIORITY,
  SC_DIM_CATEGORY,
  SC_DIM_CUSTOMER_SEGMENT,
  SC_DIM_REGION,
  SC_DIM_PRODUCT,
  SC_DIM_LANGUAGE,
  SC_DIM_STATUS,
  SC_DIM_TAGS,
  SC_DIM_N_BUILTIN,
} ScDimension;

/* The most dimensions a store has, builtin and custom together. */
#define SC_DIM_MAX 32

const char *sc_dimension_get_name  (ScDimension dim);
const char *sc_dimension_get_label (ScDimension dim);
gboolean    sc_dimension_from_name (const char  *name,
                                    ScDimension *out_dim);

/* Whether @dim holds several values per interaction (only the tags). */
#define sc_dimension_is_multi(dim) ((dim) == SC_DIM_TAGS)

/**
 * ScDimensionInfo:
 * @dim: the dimension
 * @name: its name on the command line and in segment keys ("plan")
 * @label: its name for people ("Plan"), translated for builtin ones
 * @custom: whether a user kept it from an import
 *
 * One dimension of a store.
 */
typedef struct
{
  ScDimension  dim;
  char        *name;
  char        *label;
  gboolean     custom;
} ScDimensionInfo;

void                   sc_dimension_info_free   (ScDimensionInfo *info);
const ScDimensionInfo *sc_dimension_list_lookup (GPtrArray       *dims,
                                                 const char      *name);
const char            *sc_dimension_list_get_label (GPtrArray    *dims,
                                                 ScDimension      dim);
const char            *sc_dimension_list_get_name (GPtrArray     *dims,
                                                 ScDimension      dim);

/* Interaction kinds. */
typedef enum
{
  SC_KIND_TICKET,
  SC_KIND_CALL,
  SC_KIND_CHAT,
} ScKind;

/**
 * ScInteraction:
 *
 * One ticket, call or chat as the importers and the demo generator hand it
 * to the store. Instants are Unix seconds (UTC), durations seconds; every
 * integer field is %SC_MISSING when the export has no value.
 * Strings are borrowed for the duration of the call.
 */
typedef struct
{
  const char *external_id;
  ScKind      kind;

  gint64 created_at;
  gint64 first_reply_at;
  gint64 resolved_at;
  gint64 closed_at;

  /* Dimension values as text; NULL when absent. The store interns them.
   * tags holds space-separated tags; custom dimensions (numbered as
   * sc_store_batch_add_dimension() returned) follow the builtin ones. */
  const char *dims[SC_DIM_MAX];
  const char *customer_id;
  const char *subject;

  gint64 resolved;         /* 0/1: counts as resolved */
  gint64 replies;
  gint64 reopens;
  gint64 agent_touches;
  gint64 contacts;

  /* Durations as exported (seconds); the engine may recompute from the
   * timestamps. The _bh variants are business-hours figures. */
  gint64 first_reply_s;
  gint64 first_reply_bh_s;
  gint64 resolution_s;
  gint64 resolution_bh_s;

  /* Call and chat handling. */
  gint64 handle_s;
  gint64 talk_s;
  gint64 hold_s;
  gint64 wrap_s;
  gint64 wait_s;           /* queue wait: speed of answer */

  gint64 sla_target_s;     /* first-reply target */
  gint64 sla_breached;     /* 0/1 as exported */

  gint64 abandoned;        /* 0/1 */
  gint64 escalated;        /* 0/1 */
  gint64 self_service;     /* 0/1 */

  gint64 survey_offered;   /* 0/1 */
  gint64 csat;
  gint64 csat_scale;       /* the top of the CSAT scale: 5, 7 or 10 */
  gint64 nps;              /* 0..10 */
  gint64 ces;
  gint64 ces_scale;        /* the top of the CES scale: 5 or 7 */
} ScInteraction;

void sc_interaction_init (ScInteraction *interaction);

typedef struct
{
  const char *external_id;
  const char *interaction_external_id;  /* nullable */
  const char *customer_id;              /* nullable */
  const char *question;                 /* "csat", "nps" or "ces" */
  gint64      responded_at;
  gint64      score;
  gint64      scale;
  const char *channel;                  /* nullable */
  const char *team;                     /* nullable */
  const char *agent;                    /* nullable */
  const char *comment;                  /* nullable */
} ScSurveyResponse;

void sc_survey_response_init (ScSurveyResponse *response);

typedef struct
{
  const char *external_id;
  const char *name;
  const char *segment;
  const char *region;
  gint64      started_at;
  gint64      churned_at;                /* SC_MISSING while a customer */
  double      revenue;                   /* total over the lifetime so far */
  gint64      purchases;
} ScCustomer;

void sc_customer_init (ScCustomer *customer);

typedef struct
{
  const char *agent;
  const char *team;                      /* nullable */
  gint64      day;                       /* Unix seconds of the day's start, UTC */
  gint64      available_s;
  gint64      active_s;
} ScAgentTime;

void sc_agent_time_init (ScAgentTime *agent_time);

/* What writing one record did. An interaction is only queued: whether it
 * was new, changed or unchanged is counted when the batch commits. */
typedef enum
{
  SC_WRITE_INSERTED,
  SC_WRITE_UPDATED,
  SC_WRITE_UNCHANGED,
  SC_WRITE_QUEUED,
} ScWriteOutcome;

typedef struct
{
  gint64 rows_read;
  gint64 inserted;
  gint64 updated;
  gint64 unchanged;
  gint64 rejected;
} ScImportCounts;

typedef struct
{
  gint64      id;
  char       *file_name;
  char       *checksum;
  char       *preset;
  char       *source;
  char       *mapping;
  gint64      started_at;
  gint64      finished_at;
  char       *status;
  char       *message;
  ScImportCounts counts;
} ScImportRecord;

void sc_import_record_free (ScImportRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScImportRecord, sc_import_record_free)

typedef struct
{
  gint64  import_id;
  gint64  line;
  char   *column;
  char   *value;
  char   *reason;
  char   *raw;
} ScReject;

void sc_reject_free (ScReject *reject);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScReject, sc_reject_free)

/* A summary of what the store holds. */
typedef struct
{
  gint64 interactions;
  gint64 first_created;     /* SC_MISSING when empty */
  gint64 last_created;
  gint64 survey_responses;
  gint64 customers;
  gint64 agent_days;
  gint64 imports;
  gint64 rejects;
} ScStoreOverview;

/* ---- Opening ----------------------------------------------------------- */

ScStore    *sc_store_open                 (const char        *path,
                                           ScStoreOpenFlags   flags,
                                           GError           **error) G_GNUC_WARN_UNUSED_RESULT;
const char *sc_store_get_path             (ScStore           *self);
gboolean    sc_store_is_read_only         (ScStore           *self);
char       *sc_store_dup_backup_path      (ScStore           *self) G_GNUC_WARN_UNUSED_RESULT;
char       *sc_store_default_path         (void) G_GNUC_WARN_UNUSED_RESULT;
int         sc_store_get_schema_version   (ScStore           *self);

/* ---- Settings ---------------------------------------------------------- */

GTimeZone  *sc_store_dup_time_zone        (ScStore           *self) G_GNUC_WARN_UNUSED_RESULT;
char       *sc_store_dup_setting          (ScStore           *self,
                                           const char        *key) G_GNUC_WARN_UNUSED_RESULT;
gboolean    sc_store_set_setting          (ScStore           *self,
                                           const char        *key,
                                           const char        *value,
                                           GError           **error);

/* ---- Reading ----------------------------------------------------------- */

gboolean    sc_store_get_overview         (ScStore           *self,
                                           ScStoreOverview   *overview,
                                           GError           **error);
GPtrArray  *sc_store_list_imports         (ScStore           *self,
                                           GError           **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray  *sc_store_list_rejects         (ScStore           *self,
                                           gint64             import_id,
                                           GError           **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray  *sc_store_list_dimensions      (ScStore           *self,
                                           GError           **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray  *sc_store_list_dimension_values (ScStore          *self,
                                           ScDimension        dim,
                                           GError           **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    sc_store_check_integrity      (ScStore           *self,
                                           GError           **error);
char       *sc_store_dup_content_checksum (ScStore           *self,
                                           GError           **error) G_GNUC_WARN_UNUSED_RESULT;

/* ---- Writing: a batch is one transaction --------------------------------
 *
 * sc_store_begin_import() opens a transaction and records the import;
 * nothing is visible to other connections until sc_store_batch_commit().
 * sc_store_batch_rollback() (or freeing an uncommitted batch) leaves the
 * store exactly as it was before the batch began.
 */

typedef struct _ScStoreBatch ScStoreBatch;

typedef struct
{
  const char *file_name;
  const char *checksum;
  const char *preset;
  const char *source;     /* the key of (source, external id) */
  const char *mapping;    /* nullable: the column mapping as text */
} ScImportInfo;

ScStoreBatch *sc_store_begin_import       (ScStore              *self,
                                           const ScImportInfo   *info,
                                           GError              **error) G_GNUC_WARN_UNUSED_RESULT;
gint64        sc_store_batch_get_import_id (ScStoreBatch        *batch);
void          sc_store_batch_set_checksum (ScStoreBatch         *batch,
                                           const char           *checksum);
gboolean      sc_store_batch_add_dimension (ScStoreBatch        *batch,
                                           const char           *label,
                                           ScDimension          *out_dim,
                                           GError              **error);
gboolean      sc_store_batch_add_interaction (ScStoreBatch      *batch,
                                           const ScInteraction  *interaction,
                                           ScWriteOutcome       *outcome,
                                           GError              **error);
gboolean      sc_store_batch_add_survey_response (ScStoreBatch  *batch,
                                           const ScSurveyResponse *response,
                                           ScWriteOutcome       *outcome,
                                           GError              **error);
gboolean      sc_store_batch_add_customer (ScStoreBatch         *batch,
                                           const ScCustomer     *customer,
                                           ScWriteOutcome       *outcome,
                                           GError              **error);
gboolean      sc_store_batch_add_agent_time (ScStoreBatch       *batch,
                                           const ScAgentTime    *agent_time,
                                           ScWriteOutcome       *outcome,
                                           GError              **error);
gboolean      sc_store_batch_add_reject   (ScStoreBatch         *batch,
                                           gint64                line,
                                           const char           *column,
                                           const char           *value,
                                           const char           *reason,
                                           const char           *raw,
                                           GError              **error);
gboolean      sc_store_batch_commit       (ScStoreBatch         *batch,
                                           ScImportCounts       *counts,
                                           GError              **error);
void          sc_store_batch_rollback     (ScStoreBatch         *batch);
void          sc_store_batch_free         (ScStoreBatch         *batch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScStoreBatch, sc_store_batch_free)

G_END_DECLS
