/*
 * doc_json.c: the JSON back-end. The document's JSON value when it has
 * one; else its data tables, one as an array of row objects, several as an
 * object keyed by table id ("table1", "table2"… where a table has none).
 * Indented by 2, keys in insertion order, reals to 10 significant digits
 * (as CSV), a final newline.
 */
#include <errno.h>
#include <string.h>

#include "pages/backend.h"

ag_status_t ag_json_write(json_t *j, FILE *fp, ag_error_t *err)
{
    /* Ten significant digits, as in CSV, so formats agree. */
    if (json_dumpf(j, fp, JSON_INDENT(2) | JSON_REAL_PRECISION(10)) != 0 ||
        fputc('\n', fp) == EOF)
        return ag_error_set(err, AG_EIO, NULL, 0, "write error: %s",
                            strerror(errno ? errno : EIO));
    return ag_i_io_check(fp, err);
}

ag_status_t ag_i_doc_json(const ag_doc_t *d, FILE *fp, ag_error_t *err)
{
    json_t *root = NULL, *one = NULL;
    size_t n = 0;
    ag_status_t rc;

    if (d->json)
        return ag_json_write(d->json, fp, err);
    for (size_t i = 0; i < d->n_blocks; i++) {
        const ag_block_t *b = &d->blocks[i];
        json_t *rows;
        char key[32];
        if (b->kind != AG_BLOCK_TABLE || !(b->flags & AG_BLOCK_DATA))
            continue;
        if (!(rows = ag_table_json(ag_doc_block_table(b))))
            goto oom;
        if (n++ == 0) {
            one = rows;
            continue;
        }
        if (!root) {
            /* A second table: key both by id. */
            const ag_block_t *f = NULL;
            for (size_t k = 0; k < i && !f; k++)
                if (d->blocks[k].kind == AG_BLOCK_TABLE && d->blocks[k].flags & AG_BLOCK_DATA)
                    f = &d->blocks[k];
            if (!(root = json_object()) ||
                json_object_set_new(root, f->id ? f->id : "table1", one) != 0) {
                one = NULL;
                json_decref(rows);
                goto oom;
            }
            one = NULL;
        }
        snprintf(key, sizeof key, "table%zu", n);
        if (json_object_set_new(root, b->id ? b->id : key, rows) != 0)
            goto oom;
    }
    if (n == 0)
        return ag_error_set(err, AG_EUSAGE, NULL, 0, "this page has no data to write as json");
    rc = ag_json_write(root ? root : one, fp, err);
    json_decref(root);
    json_decref(one);
    return rc;
oom:
    json_decref(root);
    json_decref(one);
    return ag_i_oom(err);
}
