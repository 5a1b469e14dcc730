/* fuzz-csv-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for ScCsvReader: any bytes are opened (encoding,
 * delimiter and header detection) and read to the end; every field must
 * lie inside its record or the reader's scratch copy and be read whole.
 * The first byte picks the chunk size, so reads cut records anywhere.
 * Build and run with tests/fuzz/run-fuzz.sh.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "sc-csv-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ScCsvReader) reader = NULL;
  const ScCsvRecord *rec;
  guint64 sum = 0;
  gsize chunk;

  if (size == 0)
    return 0;
  chunk = 1 + data[0] % 97;
  reader = sc_csv_reader_new_for_data ((const char *) data + 1, size - 1);
  sc_csv_reader_set_chunk_size (reader, chunk);
  if (!sc_csv_reader_open (reader, NULL, NULL))
    return 0;
  for (const char * const *h = sc_csv_reader_get_header (reader); *h != NULL; h++)
    sum += strlen (*h);
  while ((rec = sc_csv_reader_next (reader, NULL)) != NULL)
    {
      g_assert (rec->n_fields >= 1);
      g_assert (rec->bad_utf8_field < (int) rec->n_fields);
      for (guint i = 0; i < rec->n_fields; i++)
        for (gsize k = 0; k < rec->fields[i].len; k++)
          sum += (guchar) rec->fields[i].data[k];
      for (gsize k = 0; k < rec->raw_len; k++)
        sum += (guchar) rec->raw[k];
    }
  return sum == G_MAXUINT64;
}
