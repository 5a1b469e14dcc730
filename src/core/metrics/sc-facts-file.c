/* sc-facts-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layout (native byte order; the file never leaves the machine that wrote
 * it, and a different byte order is refused by the marker):
 *
 *   Header   magic "SCFACTS\n", byte-order marker, format, data version,
 *            row counts, and the lengths of the two blocks that follow
 *   settings the variants' description (sc_metric_settings_describe())
 *   labels   per dimension (the header's n_dims of them): a count, then
 *            that many NUL-terminated texts
 *   columns  every column of the cache in _sc_facts_list_columns() order
 *   checksum a 64-bit hash of everything before it
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sc-facts-file.h"
#include "sc-facts-private.h"
#include "sc-store-facts.h"

#define FACTS_MAGIC      "SCFACTS\n"
#define FACTS_BYTE_ORDER 0x01020304u
#define FACTS_FORMAT     2u

typedef struct
{
  char    magic[8];
  guint32 byte_order;
  guint32 format;
  gint64  data_version;
  guint32 n;
  guint32 n_tag_codes;
  guint32 n_customers;
  guint32 n_agent_days;
  guint32 settings_len;
  guint32 labels_len;
  guint32 n_dims;
  guint32 reserved;
} Header;

/* ---- Checksum ------------------------------------------------------------ */

/* A streaming 64-bit hash over 8-byte words: fast enough to cover a
 * hundred megabytes in a few tens of milliseconds, and it catches the
 * damage a checksum is for (truncation, torn writes, flipped bytes). */
typedef struct
{
  guint64 h;
  guint8  pending[8];
  guint   n_pending;
} Hash;

static inline void
hash_word (Hash    *hash,
           guint64  word)
{
  word *= G_GUINT64_CONSTANT (0x87c37b91114253d5);
  word = (word << 31) | (word >> 33);
  hash->h ^= word * G_GUINT64_CONSTANT (0x4cf5ad432745937f);
  hash->h = ((hash->h << 27) | (hash->h >> 37)) * 5 + 0x52dce729;
}

static void
hash_update (Hash          *hash,
             gconstpointer  data,
             gsize          size)
{
  const guint8 *p = data;
  guint64 word;

  while (size > 0 && hash->n_pending > 0 && hash->n_pending < 8)
    {
      hash->pending[hash->n_pending++] = *p++;
      size--;
      if (hash->n_pending == 8)
        {
          memcpy (&word, hash->pending, 8);
          hash_word (hash, word);
          hash->n_pending = 0;
        }
    }
  for (; size >= 8; p += 8, size -= 8)
    {
      memcpy (&word, p, 8);
      hash_word (hash, word);
    }
  if (size > 0)
    memcpy (hash->pending + hash->n_pending, p, size);
  hash->n_pending += size;
}

static guint64
hash_finish (Hash *hash)
{
  guint64 word = 0;

  memcpy (&word, hash->pending, hash->n_pending);
  hash_word (hash, word ^ ((guint64) hash->n_pending << 56));
  return hash->h;
}

/* ---- Writing ------------------------------------------------------------- */

static GString *
labels_blob (const ScFacts *facts)
{
  GString *blob = g_string_new (NULL);

  for (guint d = 0; d < facts->n_dims; d++)
    {
      guint32 count = facts->labels[d]->len;

      g_string_append_len (blob, (const char *) &count, sizeof count);
      for (guint k = 0; k < count; k++)
        g_string_append_len (blob, facts->labels[d]->pdata[k],
                             strlen (facts->labels[d]->pdata[k]) + 1);
    }
  return blob;
}

static gboolean
write_block (FILE          *file,
             Hash          *hash,
             gconstpointer  data,
             gsize          size)
{
  hash_update (hash, data, size);
  return size == 0 || fwrite (data, 1, size, file) == size;
}

/* Columns start at multiples of 8 bytes, so that a reader can use them
 * in place in a mapping of the file. */
static gboolean
write_padding (FILE  *file,
               Hash  *hash,
               gsize  size)
{
  static const guint8 zeros[8] = { 0 };

  return write_block (file, hash, zeros, (8 - size % 8) % 8);
}

static gboolean
write_all (FILE          *file,
           const ScFacts *facts)
{
  g_autofree char *settings = sc_metric_settings_describe (facts->settings);
  g_autoptr(GString) labels = labels_blob (facts);
  ScFactsColumn columns[SC_FACTS_MAX_COLUMNS];
  guint n_columns = _sc_facts_list_columns ((ScFacts *) facts, columns);
  Header header = { FACTS_MAGIC, FACTS_BYTE_ORDER, FACTS_FORMAT, facts->data_version,
                    facts->n, facts->n_tag_codes, facts->n_customers, facts->n_agent_days,
                    (guint32) strlen (settings), (guint32) labels->len, facts->n_dims, 0 };
  Hash hash = { 0 };
  guint64 sum;
  gboolean ok;

  G_STATIC_ASSERT (sizeof header % 8 == 0);
  ok = write_block (file, &hash, &header, sizeof header)
       && write_block (file, &hash, settings, header.settings_len)
       && write_block (file, &hash, labels->str, labels->len)
       && write_padding (file, &hash, header.settings_len + header.labels_len);
  for (guint c = 0; ok && c < n_columns; c++)
    {
      gsize size = columns[c].elem_size * columns[c].count;

      ok = write_block (file, &hash, *columns[c].data, size) && write_padding (file, &hash, size);
    }
  sum = hash_finish (&hash);
  return ok && fwrite (&sum, sizeof sum, 1, file) == 1 && fflush (file) == 0;
}

/**
 * sc_facts_file_path_for_store:
 * @store: a store
 *
 * The cache lives in the user's cache folder (`~/.cache/scorecard/facts`),
 * named by a digest of the store's absolute path: it never clutters the
 * folder the user keeps the store in, and a store moved elsewhere simply
 * builds a new one.
 *
 * Returns: (transfer full): where the cache of @store lives
 */
char *
sc_facts_file_path_for_store (ScStore *store)
{
  g_autofree char *absolute = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SC_IS_STORE (store), NULL);

  absolute = g_canonicalize_filename (sc_store_get_path (store), NULL);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);
  name = g_strdup_printf ("%.32s.facts", digest);
  return g_build_filename (g_get_user_cache_dir (), "scorecard", "facts", name, NULL);
}

/**
 * sc_facts_file_write:
 * @facts: a cache
 * @path: the file to write
 * @error: return location for an error
 *
 * Saves @facts atomically: a temporary file in the same folder, renamed
 * over @path once complete, so a reader sees the old file or the new one,
 * never a half-written one.
 *
 * Returns: %TRUE on success
 */
gboolean
sc_facts_file_write (const ScFacts  *facts,
                     const char     *path,
                     GError        **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *tmp = NULL;
  FILE *file;
  gboolean ok;
  int fd, saved_errno;

  g_return_val_if_fail (facts != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  folder = g_path_get_dirname (path);
  g_mkdir_with_parents (folder, 0700);
  tmp = g_strconcat (path, ".XXXXXX", NULL);
  if ((fd = g_mkstemp (tmp)) < 0 || (file = fdopen (fd, "wb")) == NULL)
    {
      saved_errno = errno;
      if (fd >= 0)
        {
          close (fd);
          g_unlink (tmp);
        }
      g_set_error (error, SC_ERROR, SC_ERROR_READ_ONLY, _("Cannot write “%s”: %s"),
                   tmp, g_strerror (saved_errno));
      return FALSE;
    }
  ok = write_all (file, facts);
  saved_errno = errno;
  ok = fclose (file) == 0 && ok;
  if (ok && g_rename (tmp, path) == 0)
    return TRUE;
  saved_errno = ok ? errno : saved_errno;
  g_unlink (tmp);
  g_set_error (error, SC_ERROR, SC_ERROR_FAILED, _("Cannot write “%s”: %s"),
               path, g_strerror (saved_errno));
  return FALSE;
}

/* ---- Reading ------------------------------------------------------------- */

static gsize
padded (gsize size)
{
  return (size + 7) / 8 * 8;
}

static gboolean
parse_labels (ScFacts    *facts,
              const char *blob,
              gsize       size)
{
  const char *p = blob, *end = blob + size;

  for (guint d = 0; d < facts->n_dims; d++)
    {
      guint32 count;

      facts->labels[d] = g_ptr_array_new_with_free_func (g_free);
      if ((gsize) (end - p) < sizeof count)
        return FALSE;
      memcpy (&count, p, sizeof count);
      p += sizeof count;
      for (guint32 k = 0; k < count; k++)
        {
          const char *nul = memchr (p, '\0', end - p);

          if (nul == NULL)
            return FALSE;
          g_ptr_array_add (facts->labels[d], g_strdup (p));
          p = nul + 1;
        }
    }
  return p == end;
}

/* Points the columns into the mapping, after checking that the file has
 * exactly the size the header's counts promise. */
static gboolean
place_columns (ScFacts      *facts,
               const Header *header,
               guint8       *data,
               gsize         size)
{
  ScFactsColumn columns[SC_FACTS_MAX_COLUMNS];
  guint n_columns;
  guint64 offset = sizeof *header + padded ((gsize) header->settings_len + header->labels_len);

  facts->n = header->n;
  facts->n_tag_codes = header->n_tag_codes;
  facts->n_customers = header->n_customers;
  facts->n_agent_days = header->n_agent_days;
  n_columns = _sc_facts_list_columns (facts, columns);
  for (guint c = 0; c < n_columns; c++)
    {
      guint64 bytes = (guint64) columns[c].elem_size * columns[c].count;

      if (offset + bytes > size)
        return FALSE;
      *columns[c].data = data + offset;
      offset += padded (bytes);
    }
  return offset + sizeof (guint64) == size;
}

static gboolean
checksum_matches (const guint8 *data,
                  gsize         size)
{
  Hash hash = { 0 };
  guint64 stored;

  hash_update (&hash, data, size - sizeof stored);
  memcpy (&stored, data + size - sizeof stored, sizeof stored);
  return hash_finish (&hash) == stored;
}

static gboolean
header_is_current (const Header           *header,
                   const guint8           *data,
                   gsize                   size,
                   ScStore                *store,
                   const ScMetricSettings *settings)
{
  g_autofree char *wanted = sc_metric_settings_describe (settings);
  gint64 version = sc_store_get_data_version (store);

  return version > 0 && header->data_version == version
         && header->settings_len == strlen (wanted)
         && sizeof *header + header->settings_len <= size
         && memcmp (data + sizeof *header, wanted, header->settings_len) == 0;
}

static ScFacts *
map_facts (GMappedFile            *mapped,
           const char             *path,
           ScStore                *store,
           const ScMetricSettings *settings,
           GError                **error)
{
  g_autoptr(ScFacts) facts = sc_facts_new ();
  guint8 *data = (guint8 *) g_mapped_file_get_contents (mapped);
  gsize size = g_mapped_file_get_length (mapped);
  Header header;

  if (size < sizeof header + sizeof (guint64)
      || (memcpy (&header, data, sizeof header), memcmp (header.magic, FACTS_MAGIC, 8) != 0)
      || header.byte_order != FACTS_BYTE_ORDER || header.format != FACTS_FORMAT)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_NOT_A_STORE,
                   _("“%s” is not a metrics cache of this version"), path);
      return NULL;
    }
  if (!header_is_current (&header, data, size, store, settings))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID,
                   _("“%s” is out of date: the store or the metric settings changed"), path);
      return NULL;
    }
  facts->mapping = g_mapped_file_ref (mapped);
  facts->n_dims = header.n_dims;
  if (header.n_dims < SC_DIM_N_BUILTIN || header.n_dims > SC_DIM_MAX
      || (guint64) sizeof header + header.settings_len + header.labels_len > size
      || !place_columns (facts, &header, data, size) || !checksum_matches (data, size)
      || !parse_labels (facts, (const char *) data + sizeof header + header.settings_len,
                        header.labels_len))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_DAMAGED,
                   _("“%s” is damaged (wrong size or checksum)"), path);
      return NULL;
    }
  if (!_sc_facts_validate (facts, error))
    return NULL;
  facts->data_version = header.data_version;
  facts->settings = sc_metric_settings_copy (settings);
  if ((facts->tz = _sc_facts_make_tz_map (store, settings, error)) == NULL)
    return NULL;
  return g_steal_pointer (&facts);
}

/**
 * sc_facts_file_read:
 * @path: the cache file
 * @store: the store it caches
 * @settings: the variants wanted
 * @error: return location for an error
 *
 * Reads a cache written by sc_facts_file_write(), only when it was written
 * for the store's current data version and for @settings, is complete, its
 * checksum matches and every value is in range.
 *
 * Returns: (transfer full) (nullable): the cache, or %NULL with @error set
 *   (missing, stale or damaged file)
 */
ScFacts *
sc_facts_file_read (const char              *path,
                    ScStore                 *store,
                    const ScMetricSettings  *settings,
                    GError                 **error)
{
  g_autoptr(GMappedFile) mapped = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  /* The columns are used in place. A writer never changes a cache file
   * that exists; it renames a new one over it, and this mapping keeps the
   * old one. */
  if ((mapped = g_mapped_file_new (path, FALSE, error)) == NULL)
    return NULL;
  return map_facts (mapped, path, store, settings, error);
}
