/*
 * test_load.c: reading a dataset folder (load.c, csvread.c, validate.c,
 * and the look-ups of model.c).
 *
 * Fixtures are small hand-made folders under tests/data/ (AG_TEST_DATA):
 * tests/data/load/<case>/ for this file, and tests/data/clean/ and
 * tests/data/warnings/, which the CLI tests use as well. Each error and
 * warning is checked with its exact message and line, and each load
 * checks the whole list of diagnostics, so an extra or a missing one
 * fails too. Every load also checks that the input files were left as
 * they were (bytes and modification time).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "actorgraph/load.h"
#include "actorgraph/model.h"
#include "core/csvread.h"
#include "testutil.h"

#define E AG_SEV_ERROR
#define W AG_SEV_WARNING

/* ---- fixtures ------------------------------------------------------- */

static const char *const dataset_files[] = { "actors.csv", "relations.csv", "eras.csv",
                                             "types.csv" };
#define N_FILES (sizeof dataset_files / sizeof dataset_files[0])

/* What a file looked like before loading. */
typedef struct {
    bool exists;
    char *bytes;
    size_t len;
    struct stat st;
} snapshot_t;

static void take_snapshot(const char *dir, snapshot_t snap[N_FILES])
{
    for (size_t i = 0; i < N_FILES; i++) {
        char path[4096];
        FILE *fp;
        snprintf(path, sizeof path, "%s/%s", dir, dataset_files[i]);
        memset(&snap[i], 0, sizeof snap[i]);
        if (stat(path, &snap[i].st) != 0)
            continue;
        snap[i].exists = true;
        snap[i].len = (size_t)snap[i].st.st_size;
        snap[i].bytes = malloc(snap[i].len + 1);
        assert_non_null(snap[i].bytes);
        fp = fopen(path, "rb");
        assert_non_null(fp);
        assert_int_equal(fread(snap[i].bytes, 1, snap[i].len, fp), snap[i].len);
        fclose(fp);
    }
}

/* Fails unless every file is byte for byte and time for time as before. */
static void check_snapshot(const char *dir, snapshot_t snap[N_FILES])
{
    for (size_t i = 0; i < N_FILES; i++) {
        char path[4096];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", dir, dataset_files[i]);
        if (!snap[i].exists) {
            if (stat(path, &st) == 0)
                fail_msg("%s was created by loading", path);
            continue;
        }
        assert_int_equal(stat(path, &st), 0);
        if (st.st_size != snap[i].st.st_size ||
            st.st_mtim.tv_sec != snap[i].st.st_mtim.tv_sec ||
            st.st_mtim.tv_nsec != snap[i].st.st_mtim.tv_nsec ||
            st.st_mode != snap[i].st.st_mode)
            fail_msg("%s changed (size, time or mode) by loading", path);
        {
            char *now = malloc(snap[i].len + 1);
            FILE *fp = fopen(path, "rb");
            assert_non_null(now);
            assert_non_null(fp);
            assert_int_equal(fread(now, 1, snap[i].len, fp), snap[i].len);
            assert_int_equal(fgetc(fp), EOF);
            fclose(fp);
            if (memcmp(now, snap[i].bytes, snap[i].len) != 0)
                fail_msg("%s changed by loading", path);
            free(now);
        }
        free(snap[i].bytes);
    }
}

/* Loads the folder at dir (an absolute or working-directory path) into ds
 * and d, both initialised here, checking that no input file changes. */
static ag_status_t load_dir(const char *dir, ag_dataset_t *ds, ag_diags_t *d,
                            ag_error_t *err)
{
    snapshot_t snap[N_FILES];
    ag_status_t rc;
    ag_dataset_init(ds);
    ag_diags_init(d);
    ag_error_clear(err);
    take_snapshot(dir, snap);
    rc = ag_dataset_load(ds, dir, d, err);
    check_snapshot(dir, snap);
    return rc;
}

/* The same for a fixture under AG_TEST_DATA; also checks the status. */
static void load(const char *name, ag_status_t want, ag_dataset_t *ds, ag_diags_t *d)
{
    ag_error_t err;
    ag_status_t rc = load_dir(tu_fixture(name), ds, d, &err);
    if (rc != want)
        fail_msg("loading %s gave status %d (%s: %s), expected %d", name, (int)rc,
                 ag_strerror(rc), err.msg, (int)want);
}

static void done(ag_dataset_t *ds, ag_diags_t *d)
{
    ag_dataset_destroy(ds);
    ag_diags_destroy(d);
}

/* ---- diagnostics ---------------------------------------------------- */

/* One expected diagnostic: file is the name inside the dataset folder. */
typedef struct {
    ag_severity_t sev;
    const char *file;
    long line;
    const char *msg;
} want_t;

static void print_diags(const ag_diags_t *d)
{
    for (size_t i = 0; i < d->n; i++)
        print_message("  got: %s %s:%ld: %s\n",
                      d->items[i].severity == E ? "error" : "warning", d->items[i].file,
                      d->items[i].line, d->items[i].msg);
}

/* Fails unless d holds exactly the n diagnostics of want, in that order
 * (the loader sorts them by file, then line), for the dataset in dir. */
static void expect_diags_in(const char *dir, const ag_diags_t *d, const want_t *want,
                            size_t n)
{
    size_t errors = 0, warnings = 0;
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        const ag_diag_t *g;
        snprintf(path, sizeof path, "%s/%s", dir, want[i].file);
        if (i >= d->n) {
            print_diags(d);
            fail_msg("missing diagnostic %zu: %s:%ld: %s", i + 1, want[i].file,
                     want[i].line, want[i].msg);
        }
        g = &d->items[i];
        if (g->severity != want[i].sev || g->line != want[i].line ||
            strcmp(g->file, path) != 0 || strcmp(g->msg, want[i].msg) != 0) {
            print_diags(d);
            fail_msg("diagnostic %zu: expected %s %s:%ld: %s", i + 1,
                     want[i].sev == E ? "error" : "warning", path, want[i].line,
                     want[i].msg);
        }
        if (want[i].sev == E)
            errors++;
        else
            warnings++;
    }
    if (d->n != n) {
        print_diags(d);
        fail_msg("expected %zu diagnostics, got %zu", n, d->n);
    }
    assert_int_equal(d->errors, errors);
    assert_int_equal(d->warnings, warnings);
    assert_false(d->oom);
}

#define expect_diags(name, d, ...)                                                \
    do {                                                                          \
        static const want_t want_[] = { __VA_ARGS__ };                            \
        expect_diags_in(tu_fixture(name), (d), want_, sizeof want_ / sizeof want_[0]); \
    } while (0)

static void expect_no_diags(const ag_diags_t *d)
{
    if (d->n) {
        print_diags(d);
        fail_msg("expected no diagnostics, got %zu", d->n);
    }
}

/* ---- look-up helpers ------------------------------------------------ */

static const ag_actor_t *actor(const ag_dataset_t *ds, const char *id)
{
    long i = ag_dataset_find_actor(ds, id);
    if (i < 0)
        fail_msg("no actor '%s'", id);
    return &ds->actors[i];
}

static long actor_ix(const ag_dataset_t *ds, const char *id)
{
    long i = ag_dataset_find_actor(ds, id);
    if (i < 0)
        fail_msg("no actor '%s'", id);
    return i;
}

static const ag_type_t *type(const ag_dataset_t *ds, const char *id)
{
    long i = ag_dataset_find_type(ds, id);
    if (i < 0)
        fail_msg("no type '%s'", id);
    return &ds->types[i];
}

static const char *actor_id(const ag_dataset_t *ds, long i)
{
    assert_true(i >= 0 && (size_t)i < ds->n_actors);
    return ds->actors[i].id;
}

/* ---- well-formed input ---------------------------------------------- */

static void test_clean(void **state)
{
    ag_dataset_t ds;
    ag_diags_t d;
    const ag_relation_t *r;
    (void)state;
    load("clean", AG_OK, &ds, &d);
    expect_no_diags(&d);
    assert_int_equal(ds.n_actors, 10);
    assert_int_equal(ds.n_relations, 15);
    assert_int_equal(ds.n_eras, 3);
    assert_int_equal(ds.n_types, 21);
    assert_true(ds.builtin_types);
    assert_string_equal(ds.name, "clean");
    assert_int_equal(ds.actor_cols.n, 0);
    assert_int_equal(ds.relation_cols.n, 0);

    /* First relation: PAK,USA,alliance,1954/1972,,,fn. 3,SEATO and CENTO */
    r = &ds.relations[0];
    assert_string_equal(actor_id(&ds, r->source), "PAK");
    assert_string_equal(actor_id(&ds, r->target), "USA");
    assert_string_equal(ds.types[r->type].id, "alliance");
    assert_string_equal(r->date_text, "1954/1972");
    assert_int_equal(r->line, 2);
    assert_string_equal(r->cite, "fn. 3");
    assert_string_equal(r->note, "SEATO and CENTO");
    assert_null(r->extra);

    /* Eras in file order, with their periods. */
    assert_string_equal(ds.eras[0].id, "cold-war");
    assert_string_equal(ds.eras[0].name, "Cold War");
    assert_string_equal(ds.eras[0].period_text, "1947/1991-12");
    assert_string_equal(ds.eras[2].period_text, "2001-09-11/..");
    assert_int_equal(ds.eras[2].line, 4);
    assert_int_equal(ag_dataset_find_era(&ds, "post-2001"), 2);
    assert_int_equal(ag_dataset_find_era(&ds, "post-2002"), -1);
    assert_string_equal(ag_suggest_era(&ds, "post-2002"), "post-2001");
    done(&ds, &d);
}

/* Sign and weight: the row's when given, else the type's. */
static void test_sign_weight_overrides(void **state)
{
    ag_dataset_t ds;
    ag_diags_t d;
    const ag_relation_t *r;
    (void)state;
    load("clean", AG_OK, &ds, &d);
    /* SUN,IND,treaty,1971-08-09 with no sign or weight: treaty is +2. */
    r = &ds.relations[1];
    assert_string_equal(ds.types[r->type].id, "treaty");
    assert_int_equal(r->sign, +1);
    assert_true(r->weight == 2.0);
    assert_false(r->sign_set);
    assert_false(r->weight_set);
    /* IND,PAK,war,1965-09: war is -3. */
    r = &ds.relations[4];
    assert_string_equal(ds.types[r->type].id, "war");
    assert_int_equal(r->sign, -1);
    assert_true(r->weight == 3.0);
    /* RUS,IND,veto,2019,+,1: veto is -2, the row says +1. */
    r = &ds.relations[13];
    assert_string_equal(ds.types[r->type].id, "veto");
    assert_int_equal(r->sign, +1);
    assert_true(r->weight == 1.0);
    assert_true(r->sign_set);
    assert_true(r->weight_set);
    /* The type itself is untouched. */
    assert_int_equal(type(&ds, "veto")->sign, -1);
    assert_true(type(&ds, "veto")->weight == 2.0);
    done(&ds, &d);

    /* quoting: AYUB,IND,visit,1965,-, 2.5 : visit is +1, the row -2.5. */
    load("load/quoting", AG_OK, &ds, &d);
    r = &ds.relations[2];
    assert_string_equal(ds.types[r->type].id, "visit");
    assert_int_equal(r->sign, -1);
    assert_true(r->weight == 2.5);
    assert_true(r->sign_set);
    assert_true(r->weight_set);
    done(&ds, &d);
}

/* Quoted fields, embedded commas, doubled quotes, a note over two lines,
 * header names in any case with spaces around, extra columns, trimming of
 * structured fields and verbatim names, cites and notes. */
static void test_quoting(void **state)
{
    ag_dataset_t ds;
    ag_diags_t d;
    const ag_actor_t *a;
    const ag_relation_t *r;
    (void)state;
    load("load/quoting", AG_OK, &ds, &d);
    expect_no_diags(&d);
    assert_int_equal(ds.n_actors, 3);
    assert_int_equal(ds.n_relations, 4);

    /* Header " ID ,Name,"Kind", Parent ,...,iso_numeric": found by name. */
    assert_int_equal(ds.actor_cols.n, 1);
    assert_string_equal(ds.actor_cols.names[0], "iso_numeric");

    a = &ds.actors[0];
    assert_string_equal(a->id, "PAK");
    /* A quoted name with a comma, spaces kept. */
    assert_string_equal(a->name, " Pakistan, Islamic Republic of ");
    assert_int_equal(a->kind, AG_KIND_STATE); /* " state " trimmed */
    assert_true(a->has_active);
    assert_int_equal(a->active.start.year, 1947);
    assert_int_equal(a->active.end.kind, AG_END_OPEN);
    assert_string_equal(a->extra[0], "586");
    assert_int_equal(a->line, 2);

    a = &ds.actors[1];
    assert_string_equal(a->id, "IND"); /* " IND " trimmed */
    assert_string_equal(a->note, "the \"largest\" democracy");
    assert_false(a->has_active);
    assert_string_equal(a->extra[0], "356");

    a = &ds.actors[2];
    assert_string_equal(a->id, "AYUB");
    assert_int_equal(a->kind, AG_KIND_LEADER);
    assert_string_equal(actor_id(&ds, a->parent), "PAK"); /* " PAK " trimmed */
    assert_int_equal(a->continues, -1);
    assert_string_equal(a->note, "");
    assert_string_equal(a->extra[0], "");

    /* Relations: header "Source,TARGET,...,page,confidence". */
    assert_int_equal(ds.relation_cols.n, 2);
    assert_string_equal(ds.relation_cols.names[0], "page");
    assert_string_equal(ds.relation_cols.names[1], "confidence");

    r = &ds.relations[0];
    assert_string_equal(r->date_text, "1965-09"); /* " 1965-09 " trimmed */
    assert_string_equal(r->cite, "Ahmed (2019), p. 4");
    assert_string_equal(r->note, "Operation \"Gibraltar\", then war");
    assert_string_equal(r->extra[0], "4");
    assert_string_equal(r->extra[1], "high");
    assert_int_equal(r->line, 2);

    r = &ds.relations[1];
    assert_string_equal(actor_id(&ds, r->source), "IND");
    assert_string_equal(actor_id(&ds, r->target), "PAK");
    assert_string_equal(r->cite, "  fn. 4  "); /* unquoted, kept verbatim */
    assert_string_equal(r->note, "signed at Tashkent,\nin the Soviet Union");
    assert_string_equal(r->extra[0], "5");
    assert_string_equal(r->extra[1], "");
    assert_int_equal(r->line, 3);

    /* The record after the two-line note starts on line 5. */
    r = &ds.relations[2];
    assert_int_equal(r->line, 5);
    assert_string_equal(r->cite, "fn. 4");
    assert_string_equal(r->extra[1], "low");

    /* Every field quoted, empty ones included. */
    r = &ds.relations[3];
    assert_int_equal(r->line, 6);
    assert_string_equal(r->date_text, "1971-12");
    assert_false(r->sign_set);
    assert_false(r->weight_set);
    assert_string_equal(r->note, "");

    /* An era with an empty name is named by its id. */
    assert_string_equal(ds.eras[0].name, "cold-war");
    done(&ds, &d);
}

/* CRLF line ends, a UTF-8 byte order mark before the header, a blank line,
 * a quoted CRLF kept as written, and a last line without a line end. */
static void test_crlf_bom(void **state)
{
    ag_dataset_t ds;
    ag_diags_t d;
    (void)state;
    load("load/crlf-bom", AG_OK, &ds, &d);
    expect_no_diags(&d);
    assert_int_equal(ds.n_actors, 2);
    assert_string_equal(ds.actors[0].id, "PAK");
    assert_string_equal(ds.actors[1].name, "India");
    assert_int_equal(ds.actor_cols.n, 0);
    assert_int_equal(ds.n_eras, 1);
    assert_string_equal(ds.eras[0].name, "Cold War");
    assert_int_equal(ds.n_relations, 2);
    assert_int_equal(ds.relation_cols.n, 0);
    assert_string_equal(ds.relations[0].cite, "fn. 4");
    assert_string_equal(ds.relations[0].note, "two lines:\r\nsecond");
    assert_int_equal(ds.relations[0].line, 2);
    assert_int_equal(ds.relations[1].line, 5);
    assert_string_equal(ds.relations[1].note, "last line without a line end");
    done(&ds, &d);
}

/* Classic Mac line ends (a lone CR, as Excel's "CSV (Macintosh)" writes):
 * each CR ends a line, for reading and for line numbers. */
static void test_cr_only(void **state)
{
    ag_dataset_t ds;
    ag_diags_t d;
    (void)state;
    load("load/cr-only", AG_EDATA, &ds, &d);
    expect_diags("load/cr-only", &d,
        { E, "actors.csv", 3,
          "unknown kind 'stat': use state, leader, organisation, group or agency" },
        { E, "relations.csv", 4, "unknown target actor 'XXX'" });
    assert_int_equal(ds.n_actors, 2);
    assert_int_equal(actor(&ds, "AFG")->line, 4);
    assert_int_equal(ds.n_relations, 1);
    assert_string_equal(ds.relations[0].note, "a note\rover two lines");
    done(&ds, &d);
}

/* Without types.csv the built-in vocabulary applies, as design.md lists
 * it: u = undirected, d = directed, sign, weight. */
static void test_builtin_types(void **state)
{
    static const struct {
        const char *id;
        bool directed;
        int sign;
        double weight;
    } vocab[] = {
        { "alliance", false, +1, 3 },     { "treaty", false, +1, 2 },
        { "agreement", false, +1, 1 },    { "cooperation", false, +1, 1 },
        { "rivalry", false, -1, 2 },      { "war", false, -1, 3 },
        { "incident", false, -1, 1 },     { "visit", true, +1, 1 },
        { "invitation", true, +1, 1 },    { "mediation", true, +1, 1 },
        { "support", true, +1, 1 },       { "assurance", true, +1, 1 },
        { "membership", true, +1, 1 },    { "military-aid", true, +1, 2 },
        { "arms-sale", true, +1, 2 },     { "veto", true, -1, 2 },
        { "threat", true, -1, 2 },        { "intervention", true, -1, 3 },
        { "accusation", true, -1, 1 },    { "sanction", true, -1, 2 },
        { "cancellation", true, -1, 1 },
    };
    ag_dataset_t ds;
    ag_diags_t d;
    (void)state;
    load("clean", AG_OK, &ds, &d);
    assert_true(ds.builtin_types);
    assert_int_equal(ds.n_types, sizeof vocab / sizeof vocab[0]);
    for (size_t i = 0; i < sizeof vocab / sizeof vocab[0]; i++) {
        const ag_type_t *t = type(&ds, vocab[i].id);
        if (t->directed != vocab[i].directed || t->sign != vocab[i].sign ||
            t->weight != vocab[i].weight)
            fail_msg("built-in type '%s': directed %d sign %d weight %g", t->id,
                     t->directed, t->sign, t->weight);
        assert_int_equal(t->line, 0);
        assert_true(t->label && *t->label);
        assert_true(t->cameo && *t->cameo);
        assert_non_null(t->style);
    }
    done(&ds, &d);
}

/* A types.csv extends the built-in vocabulary: its three types come after
 * the 21 built-in ones, and 'alliance' stays. */
static void test_types_csv_extends_builtin(void **state)
{
    ag_dataset_t ds;
    ag_diags_t d;
    const ag_type_t *t;
    (void)state;
    load("load/types", AG_OK, &ds, &d);
    assert_int_equal(d.n, 0);
    assert_false(ds.builtin_types);
    assert_int_equal(ds.n_types, 24);
    assert_string_equal(ds.types[0].id, "alliance");
    assert_int_equal(ds.types[0].line, 0);
    assert_string_equal(ds.types[21].id, "pact");
    assert_int_equal(ds.type_cols.n, 1);
    assert_string_equal(ds.type_cols.names[0], "colour");

    t = type(&ds, "pact"); /* pact,defence pact,no,+,4,062,bold,blue */
    assert_string_equal(t->label, "defence pact");
    assert_false(t->directed);
    assert_int_equal(t->sign, +1);
    assert_true(t->weight == 4.0);
    assert_string_equal(t->cameo, "062");
    assert_string_equal(t->style, "bold");
    assert_string_equal(t->extra[0], "blue");
    assert_int_equal(t->line, 2);

    t = type(&ds, "spat"); /* spat,,YES,-,0.5,,,red */
    assert_string_equal(t->label, "spat");
    assert_true(t->directed);
    assert_int_equal(t->sign, -1);
    assert_true(t->weight == 0.5);
    assert_string_equal(t->cameo, "");
    assert_string_equal(t->style, "solid");

    t = type(&ds, "summit"); /* summit,summit,1,+,1,043,dotted, */
    assert_true(t->directed);
    assert_string_equal(t->extra[0], "");

    /* Relations take their defaults from the dataset's types, built-in
     * ones included. */
    assert_int_equal(ds.n_relations, 4);
    assert_int_equal(ds.relations[1].sign, -1);
    assert_true(ds.relations[1].weight == 0.5);
    assert_true(ds.relations[2].weight == 3.0); /* alliance */
    assert_int_equal(ds.relations[3].line, 5);
    done(&ds, &d);
}

/* parent and continues resolve to indices; roll-up and lineage follow
 * whole chains. */
static void test_lineage(void **state)
{
    ag_dataset_t ds;
    ag_diags_t d;
    (void)state;
    load("load/lineage", AG_OK, &ds, &d);
    expect_no_diags(&d);
    assert_int_equal(actor(&ds, "RUS")->continues, actor_ix(&ds, "SUN"));
    assert_int_equal(actor(&ds, "RUS")->parent, -1);
    assert_int_equal(actor(&ds, "SUN")->continues, -1);
    assert_int_equal(actor(&ds, "GRU-29155")->parent, actor_ix(&ds, "GRU"));
    assert_int_equal(actor(&ds, "FSB")->continues, actor_ix(&ds, "KGB"));

    /* Roll-up to the top-most parent. */
    assert_int_equal(ag_dataset_top_parent(&ds, actor_ix(&ds, "GRU-29155")),
                     actor_ix(&ds, "RUS"));
    assert_int_equal(ag_dataset_top_parent(&ds, actor_ix(&ds, "GRU")), actor_ix(&ds, "RUS"));
    assert_int_equal(ag_dataset_top_parent(&ds, actor_ix(&ds, "PUTIN")),
                     actor_ix(&ds, "RUS"));
    assert_int_equal(ag_dataset_top_parent(&ds, actor_ix(&ds, "KGB")), actor_ix(&ds, "SUN"));
    assert_int_equal(ag_dataset_top_parent(&ds, actor_ix(&ds, "RUS")), actor_ix(&ds, "RUS"));
    assert_int_equal(ag_dataset_top_parent(&ds, actor_ix(&ds, "NOVA")),
                     actor_ix(&ds, "NOVA"));

    /* Lineage roots follow continues, not parent. */
    assert_int_equal(ag_dataset_lineage_root(&ds, actor_ix(&ds, "RUS")),
                     actor_ix(&ds, "SUN"));
    assert_int_equal(ag_dataset_lineage_root(&ds, actor_ix(&ds, "NOVA")),
                     actor_ix(&ds, "SUN"));
    assert_int_equal(ag_dataset_lineage_root(&ds, actor_ix(&ds, "SUN")),
                     actor_ix(&ds, "SUN"));
    assert_int_equal(ag_dataset_lineage_root(&ds, actor_ix(&ds, "FSB")),
                     actor_ix(&ds, "KGB"));
    assert_int_equal(ag_dataset_lineage_root(&ds, actor_ix(&ds, "PUTIN")),
                     actor_ix(&ds, "PUTIN"));

    /* Look-ups are exact and case-sensitive; suggestions are not. */
    assert_int_equal(ag_dataset_find_actor(&ds, "rus"), -1);
    assert_int_equal(ag_dataset_find_actor(&ds, ""), -1);
    assert_string_equal(ag_suggest_actor(&ds, "rus"), "RUS");
    assert_string_equal(ag_suggest_actor(&ds, "soviet union"), "SUN");
    assert_null(ag_suggest_actor(&ds, "Pakistan"));
    done(&ds, &d);
}

/* ---- errors in records ---------------------------------------------- */

static void test_bad_relations(void **state)
{
    ag_dataset_t ds;
    ag_diags_t d;
    (void)state;
    load("load/bad-relations", AG_EDATA, &ds, &d);
    expect_diags("load/bad-relations", &d,
        { E, "relations.csv", 3, "unknown source actor 'PKA' (did you mean 'PAK'?)" },
        { E, "relations.csv", 4, "unknown source actor 'Soviet Union' (did you mean 'SUN'?)" },
        { E, "relations.csv", 5, "unknown target actor 'INDIA' (did you mean 'IND'?)" },
        { E, "relations.csv", 6, "unknown type 'warfare': neither built in nor in types.csv "
                                 "('actorgraph types DATASET' lists them)" },
        { E, "relations.csv", 7, "unknown type 'treatie' (did you mean 'treaty'?)" },
        { E, "relations.csv", 8,
          "bad date: impossible date '1965-02-30': February 1965 has 28 days" },
        { E, "relations.csv", 9, "bad date: month 13 out of range in '1965-13'" },
        { E, "relations.csv", 10, "bad date: interval ends before it starts in '1972/1971'" },
        { E, "relations.csv", 11, "bad sign 'plus': use + or - (or leave it empty)" },
        { E, "relations.csv", 12,
          "bad weight '0': use a number greater than 0 (or leave it empty)" },
        { E, "relations.csv", 13,
          "bad weight '-1': use a number greater than 0 (or leave it empty)" },
        { E, "relations.csv", 14,
          "bad weight 'abc': use a number greater than 0 (or leave it empty)" },
        { E, "relations.csv", 15, "empty 'date': the field is required" },
        { E, "relations.csv", 16, "empty 'source': the field is required" },
        { E, "relations.csv", 16, "empty 'target': the field is required" },
        { E, "relations.csv", 17, "expected 8 fields (as in the header), found 7" },
        { E, "relations.csv", 18, "expected 8 fields (as in the header), found 9" });
    /* Only the good row is kept. */
    assert_int_equal(ds.n_relations, 1);
    assert_string_equal(ds.relations[0].note, "a good row");
    done(&ds, &d);
}

static void test_bad_actors(void **state)
{
    ag_dataset_t ds;
    ag_diags_t d;
    (void)state;
    load("load/bad-actors", AG_EDATA, &ds, &d);
    expect_diags("load/bad-actors", &d,
        { E, "actors.csv", 4, "duplicate actor id 'PAK' (first defined on line 2)" },
        { E, "actors.csv", 5, "unknown parent 'PAKK' (did you mean 'PAK'?)" },
        { W, "actors.csv", 5,
          "leader 'ZIA' has no parent: at state level it stays on its own" },
        { E, "actors.csv", 6, "unknown continues 'USSR'" },
        { E, "actors.csv", 7, "cyclic parent chain: A -> B -> C -> A" },
        { E, "actors.csv", 10, "cyclic continues chain: X -> Y -> X" },
        { E, "actors.csv", 12, "actor 'SELF' is its own parent" });
    /* The first PAK is the one relations refer to. */
    assert_int_equal(actor(&ds, "PAK")->line, 2);
    assert_int_equal(ds.relations[0].source, actor_ix(&ds, "PAK"));
    /* Roll-up and lineage stop on cycles instead of looping. */
    assert_true(ag_dataset_top_parent(&ds, actor_ix(&ds, "A")) >= 0);
    assert_true(ag_dataset_lineage_root(&ds, actor_ix(&ds, "X")) >= 0);
    done(&ds, &d);
}

/* ---- errors in the bytes -------------------------------------------- */

/* An unterminated quote is reported on the line where it opens (here the
 * record starts on line 4, its cite closes on line 5 and the note opens
 * there); everything after it is swallowed by the open field. */
static void test_unterminated_quote(void **state)
{
    ag_dataset_t ds;
    ag_diags_t d;
    (void)state;
    load("load/unterminated", AG_EDATA, &ds, &d);
    expect_diags("load/unterminated", &d,
        { E, "relations.csv", 5,
          "unterminated quoted field: a quote opened here is never closed" });
    assert_int_equal(ds.n_relations, 1);
    assert_string_equal(ds.relations[0].note, "a note\non two lines");
    done(&ds, &d);
}

/* A quote inside an unquoted field, text after a closing quote, and a
 * space before an opening quote (spaces are part of the field, as in RFC
 * 4180); reading resumes on the next line. */
static void test_malformed_quote(void **state)
{
    ag_dataset_t ds;
    ag_diags_t d;
    (void)state;
    load("load/malformed", AG_EDATA, &ds, &d);
    expect_diags("load/malformed", &d,
        { E, "relations.csv", 2, "malformed CSV: a quote inside an unquoted field, or "
                                 "text after a closing quote (double the quote: \"\")" },
        { E, "relations.csv", 3, "malformed CSV: a quote inside an unquoted field, or "
                                 "text after a closing quote (double the quote: \"\")" },
        { E, "relations.csv", 4, "malformed CSV: a quote inside an unquoted field, or "
                                 "text after a closing quote (double the quote: \"\")" });
    assert_int_equal(ds.n_relations, 1);
    assert_int_equal(ds.relations[0].line, 5);
    assert_string_equal(ds.relations[0].note, "Kargil");
    done(&ds, &d);
}

/* Latin-1, a cut-short UTF-8 sequence and a NUL byte, each on its line;
 * valid UTF-8 (an em dash) passes. */
static void test_bad_bytes(void **state)
{
    ag_dataset_t ds;
    ag_diags_t d;
    (void)state;
    load("load/bad-bytes", AG_EDATA, &ds, &d);
    expect_diags("load/bad-bytes", &d,
        { E, "relations.csv", 2, "invalid UTF-8 at byte 30 of the line: save the file as UTF-8" },
        { E, "relations.csv", 3, "invalid UTF-8 at byte 27 of the line: save the file as UTF-8" },
        { E, "relations.csv", 4, "NUL byte at column 38: the file is not text" });
    assert_int_equal(ds.n_relations, 1);
    assert_int_equal(ds.relations[0].line, 5);
    assert_string_equal(ds.relations[0].note, "Kargil \xE2\x80\x94 fine");
    done(&ds, &d);
}

/* A spreadsheet's "Unicode text" (UTF-16 with a byte order mark): one
 * error for the file, not one per line, and not "empty file". */
static void test_utf16(void **state)
{
    ag_dataset_t ds;
    ag_diags_t d;
    (void)state;
    load("load/utf16", AG_EDATA, &ds, &d);
    expect_diags("load/utf16", &d,
        { E, "actors.csv", 1, "the file is UTF-16: save it as UTF-8" },
        { E, "relations.csv", 2, "unknown source actor 'PAK'" },
        { E, "relations.csv", 2, "unknown target actor 'IND'" });
    assert_int_equal(ds.n_actors, 0);
    done(&ds, &d);
}

/* ---- errors in files ------------------------------------------------ */

static void test_missing_file(void **state)
{
    ag_dataset_t ds;
    ag_diags_t d;
    (void)state;
    load("load/missing-file", AG_EDATA, &ds, &d);
    expect_diags("load/missing-file", &d,
        { E, "relations.csv", 0, "missing file: a dataset needs it" });
    done(&ds, &d);
}

static void test_empty_file(void **state)
{
    ag_dataset_t ds;
    ag_diags_t d;
    (void)state;
    load("load/empty-file", AG_EDATA, &ds, &d);
    expect_diags("load/empty-file", &d,
        { E, "relations.csv", 0,
          "empty file: expected a header row with at least source,target,type,date" });
    done(&ds, &d);
}

static void test_header_only(void **state)
{
    ag_dataset_t ds;
    ag_diags_t d;
    (void)state;
    load("load/header-only", AG_EDATA, &ds, &d);
    expect_diags("load/header-only", &d,
        { E, "relations.csv", 0, "no relations after the header" });
    done(&ds, &d);
}

/* A missing required column is reported once, on the header line; the
 * rows under it are skipped without further messages. */
static void test_missing_column(void **state)
{
    ag_dataset_t ds;
    ag_diags_t d;
    (void)state;
    load("load/missing-column", AG_EDATA, &ds, &d);
    expect_diags("load/missing-column", &d,
        { E, "relations.csv", 1,
          "missing required column 'date' (the header needs source,target,type,date)" });
    assert_int_equal(ds.n_relations, 0);
    /* "when" is an extra column, kept by name. */
    assert_int_equal(ds.relation_cols.n, 1);
    assert_string_equal(ds.relation_cols.names[0], "when");
    done(&ds, &d);
}

/* A types.csv whose header lacks a required column: one error there; the
 * built-in vocabulary stays, and its own types are unknown. */
static void test_types_bad_header(void **state)
{
    ag_dataset_t ds;
    ag_diags_t d;
    (void)state;
    load("load/types-bad-header", AG_EDATA, &ds, &d);
    expect_diags("load/types-bad-header", &d,
        { E, "types.csv", 1,
          "missing required column 'weight' (the header needs id,directed,sign,weight)" },
        { E, "relations.csv", 2, "unknown type 'pact': neither built in nor in types.csv "
                                 "('actorgraph types DATASET' lists them)" });
    assert_false(ds.builtin_types);
    assert_int_equal(ds.n_types, 21);
    done(&ds, &d);
}

/* A '-builtin' row keeps types.csv's own types only; a row with a built-in
 * id overrides that type in place. */
static void test_types_csv_only(void **state)
{
    ag_dataset_t ds;
    ag_diags_t d;
    const ag_type_t *t;
    (void)state;
    load("load/types-only", AG_EDATA, &ds, &d);
    expect_diags("load/types-only", &d,
        { E, "relations.csv", 4, "unknown type 'war': neither built in nor in types.csv "
                                 "('actorgraph types DATASET' lists them)" });
    assert_int_equal(ds.n_types, 2);
    assert_string_equal(ds.types[0].id, "visit"); /* the built-in's place, first */
    assert_string_equal(ds.types[1].id, "pact");
    t = type(&ds, "visit");
    assert_string_equal(t->label, "state visit");
    assert_true(t->weight == 2.0);
    assert_int_equal(t->line, 4);
    assert_int_equal(ag_dataset_find_type(&ds, "war"), -1);
    assert_int_equal(ds.n_relations, 2);
    done(&ds, &d);
}

/* Bad era rows are errors, each once; "no eras defined" is a warning for
 * an eras.csv with a header and no rows only. */
static void test_bad_eras(void **state)
{
    ag_dataset_t ds;
    ag_diags_t d;
    (void)state;
    load("load/bad-eras", AG_EDATA, &ds, &d);
    expect_diags("load/bad-eras", &d,
        { E, "eras.csv", 2, "bad era id 'cold war': use letters, digits, '_', '.' and '-' only" },
        { E, "eras.csv", 3, "bad period: interval ends before it starts in '2001/1990'" },
        { E, "eras.csv", 4, "empty 'period': the field is required" });
    assert_int_equal(ds.n_eras, 0);
    done(&ds, &d);

    load("load/no-eras", AG_OK, &ds, &d);
    expect_diags("load/no-eras", &d,
        { W, "eras.csv", 0, "no eras defined: reports need at least one era" });
    assert_int_equal(ds.n_eras, 0);
    assert_int_equal(ds.n_relations, 1);
    done(&ds, &d);
}

static void test_not_a_folder(void **state)
{
    ag_dataset_t ds;
    ag_diags_t d;
    ag_error_t err;
    (void)state;
    assert_int_equal(load_dir(tu_fixture("load/no-such-folder"), &ds, &d, &err), AG_EIO);
    assert_int_equal(err.code, AG_EIO);
    assert_string_equal(err.msg, "not a dataset folder (expected a folder with actors.csv, "
                                 "relations.csv and eras.csv)");
    assert_string_equal(err.file, tu_fixture("load/no-such-folder"));
    assert_int_equal(d.n, 0);
    done(&ds, &d);
    /* A file is not a folder either. */
    assert_int_equal(load_dir(tu_fixture("clean/actors.csv"), &ds, &d, &err), AG_EIO);
    done(&ds, &d);
}

/* ---- a field over AG_MAX_FIELD -------------------------------------- */

static char tmpdir[4096];

static void write_file(const char *name, const char *text)
{
    char path[4200];
    FILE *fp;
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fputs(text, fp) >= 0, 1);
    assert_int_equal(fclose(fp), 0);
}

static void remove_tmpdir(void)
{
    for (size_t i = 0; i < N_FILES; i++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", tmpdir, dataset_files[i]);
        unlink(path);
    }
    rmdir(tmpdir);
}

/* Names of exactly AG_MAX_FIELD bytes pass; one byte more is an error on
 * the record's line, and the next record is read as usual. */
static void test_overlong_field(void **state)
{
    const char *base = getenv("TMPDIR");
    char *actors, *p;
    size_t len = 2 * (AG_MAX_FIELD + 1) + 200;
    ag_dataset_t ds;
    ag_diags_t d;
    ag_error_t err;
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "%s/ag-test-load-XXXXXX", base && *base ? base : "/tmp");
    assert_non_null(mkdtemp(tmpdir));

    actors = malloc(len);
    assert_non_null(actors);
    p = actors + sprintf(actors, "id,name,kind\nLONG,");
    memset(p, 'a', AG_MAX_FIELD);
    p += AG_MAX_FIELD;
    p += sprintf(p, ",state\nLONGER,\"");
    memset(p, 'b', AG_MAX_FIELD + 1);
    p += AG_MAX_FIELD + 1;
    sprintf(p, "\",state\nIND,India,state\n");
    write_file("actors.csv", actors);
    free(actors);
    write_file("eras.csv", "id,period\nall,1900/..\n");
    write_file("relations.csv", "source,target,type,date,cite\nLONG,IND,war,1965,fn. 4\n");

    assert_int_equal(load_dir(tmpdir, &ds, &d, &err), AG_EDATA);
    expect_diags_in(tmpdir, &d,
                    (const want_t[]){ { E, "actors.csv", 3,
                                        "field of 65537 bytes is too long (the limit is 65536)" } },
                    1);
    assert_int_equal(ds.n_actors, 2);
    assert_int_equal(strlen(actor(&ds, "LONG")->name), AG_MAX_FIELD);
    assert_int_equal(actor(&ds, "IND")->line, 4);
    assert_int_equal(ag_dataset_find_actor(&ds, "LONGER"), -1);
    assert_int_equal(ds.n_relations, 1);
    done(&ds, &d);
    remove_tmpdir();
}

/* ---- warnings ------------------------------------------------------- */

static void test_warnings(void **state)
{
    ag_dataset_t ds;
    ag_diags_t d;
    (void)state;
    load("warnings", AG_OK, &ds, &d);
    expect_diags("warnings", &d,
        { W, "actors.csv", 6,
          "leader 'NAWAZ' has no parent: at state level it stays on its own" },
        { W, "relations.csv", 2, "'RUS' is active 1991-12-25/.. but the relation is dated "
                                 "1960 (did you mean 'SUN', which it continues?)" },
        { W, "relations.csv", 3, "self-relation of 'PAK' (it is left out of every graph)" },
        { W, "relations.csv", 4, "relation has no cite: say where the fact comes from" },
        { W, "relations.csv", 6,
          "duplicate relation: same source, target, type and date as line 5" },
        { W, "relations.csv", 8, "'SUN' is active 1922-12-30/1991-12-26 but the relation is "
                                 "dated 1995 (did you mean 'RUS', which continues it?)" });
    /* Warnings keep the relations. */
    assert_int_equal(ds.n_relations, 7);
    done(&ds, &d);
}

/* A new tmpdir with actors A0..A99 (states) and one era over 1000/2999,
 * for the tests that generate large relations files. */
static void write_hundred_actors(void)
{
    const char *base = getenv("TMPDIR");
    char actors[4096];
    size_t len;
    snprintf(tmpdir, sizeof tmpdir, "%s/ag-test-load-XXXXXX", base && *base ? base : "/tmp");
    assert_non_null(mkdtemp(tmpdir));
    len = (size_t)sprintf(actors, "id,name,kind\n");
    for (int a = 0; a < 100; a++)
        len += (size_t)sprintf(actors + len, "A%d,Actor %d,state\n", a, a);
    write_file("actors.csv", actors);
    write_file("eras.csv", "id,period\nall,1000/2999\n");
}

/* Enough relations for the duplicate check's two threads: every 997th
 * repeats the relation 500 lines before it, and every 4,999th repeats the
 * first relation, so that the warnings name the latest earlier copy. The
 * relations differ in their dates and actors otherwise. */
static void test_many_duplicates(void **state)
{
    enum { N = 70000 };
    size_t cap = (size_t)N * 64 + 4096, len = 0, want_dups = 0, seen = 0;
    char *rel = malloc(cap);
    long *first_line = calloc(N + 2, sizeof *first_line);
    ag_dataset_t ds;
    ag_diags_t d;
    ag_error_t err;
    (void)state;
    assert_non_null(rel);
    assert_non_null(first_line);
    write_hundred_actors();
    len = (size_t)sprintf(rel, "source,target,type,date,cite\n");
    long last_first = 2; /* line of the latest copy of the first relation */
    for (long i = 0; i < N; i++) {
        long line = i + 2, of = i;
        if (i > 0 && i % 4999 == 0) {
            of = 0;
            first_line[line] = last_first;
            last_first = line;
        } else if (i >= 500 && i % 997 == 0) {
            of = i - 500;
            first_line[line] = of + 2;
        }
        if (first_line[line])
            want_dups++;
        if (of % 4999 == 0 && of > 0)
            of = 0; /* a copy of the first relation */
        len += (size_t)sprintf(rel + len, "A%ld,A%ld,war,%ld-%02ld-%02ld,fn. 1\n",
                               of % 100, (of / 100) % 100 == of % 100 ? (of + 1) % 100
                                                                      : (of / 100) % 100,
                               1000 + of / 336, 1 + (of / 28) % 12, 1 + of % 28);
        assert_true(len < cap);
    }
    write_file("relations.csv", rel);
    if (load_dir(tmpdir, &ds, &d, &err) != AG_OK)
        print_diags(&d);
    assert_int_equal(d.errors, 0);
    for (size_t k = 0; k < d.n; k++) {
        const char *msg = d.items[k].msg, *at = strstr(msg, "as line ");
        if (!strstr(msg, "duplicate relation"))
            continue;
        seen++;
        assert_non_null(at);
        if (first_line[d.items[k].line] != atol(at + 8))
            fail_msg("line %ld: '%s', expected line %ld", d.items[k].line, msg,
                     first_line[d.items[k].line]);
    }
    assert_int_equal(seen, want_dups);
    assert_true(want_dups > 80);
    done(&ds, &d);
    free(rel);
    free(first_line);
    remove_tmpdir();
}

/* A relations file large enough to be read in two halves (over 4 MB),
 * with rows refused, blank lines and a note over two lines in both halves
 * (so the second half's part of the array moves down), errors on both
 * sides of the middle and a duplicate across it: relations in file order
 * with their lines, errors on their lines, the duplicate found. */
static void test_split_load(void **state)
{
    enum { N = 120000 };
    size_t cap = (size_t)N * 64 + 4096, len = 0, n_want = 0, n_bad = 0;
    char *rel = malloc(cap);
    long *want_line = calloc(N, sizeof *want_line), *bad_line = calloc(N, sizeof *bad_line);
    long line = 2, line5 = 0, line_dup = 0;
    ag_dataset_t ds;
    ag_diags_t d;
    ag_error_t err;
    size_t seen_bad = 0, seen_dup = 0;
    (void)state;
    assert_non_null(rel);
    assert_non_null(want_line);
    assert_non_null(bad_line);
    write_hundred_actors();
    len = (size_t)sprintf(rel, "source,target,type,date,cite,note\n");
    for (long i = 0; i < N; i++) {
        long src = i % 100, dst = (src + 1 + (i / 100) % 99) % 100;
        const char *note = i % 30011 == 11 ? "\"two\nlines\"" : "a note to make rows longer";
        if (i % 20011 == 7) {
            len += (size_t)sprintf(rel + len, "\n");
            line++;
        }
        if (i == 100000) {
            /* The row of i = 5 again. */
            src = 5;
            dst = (5 + 1) % 100;
            line_dup = line;
        }
        if (i == 5)
            line5 = line;
        if (i % 10007 == 3) {
            len += (size_t)sprintf(rel + len, "Zed,A%ld,war,1900,c%ld,x\n", dst, i);
            bad_line[n_bad++] = line;
        } else {
            len += (size_t)sprintf(rel + len, "A%ld,A%ld,war,%ld,c%ld,%s\n", src, dst,
                                   i == 100000 ? 1000L : 1000 + i / 400, i, note);
            want_line[n_want++] = line;
        }
        line += *note == '"' ? 2 : 1;
        assert_true(len < cap);
    }
    assert_true(len > 4u << 20);
    write_file("relations.csv", rel);
    assert_int_equal(load_dir(tmpdir, &ds, &d, &err), AG_EDATA);
    assert_int_equal(ds.n_relations, n_want);
    for (size_t k = 0, i = 0; k < ds.n_relations; k++, i++) {
        char cite[32];
        while (i % 10007 == 3)
            i++;
        snprintf(cite, sizeof cite, "c%zu", i);
        if (ds.relations[k].line != want_line[k] || strcmp(ds.relations[k].cite, cite))
            fail_msg("relation %zu: line %ld, cite %s; expected line %ld, cite %s", k,
                     (long)ds.relations[k].line, ds.relations[k].cite, want_line[k], cite);
        assert_string_equal(ds.relations[k].note,
                            i % 30011 == 11 ? "two\nlines" : "a note to make rows longer");
    }
    for (size_t k = 0; k < d.n; k++) {
        if (strstr(d.items[k].msg, "unknown source actor 'Zed'")) {
            assert_true(seen_bad < n_bad);
            assert_int_equal(d.items[k].line, bad_line[seen_bad]);
            seen_bad++;
        } else if (strstr(d.items[k].msg, "duplicate relation")) {
            char want[64];
            snprintf(want, sizeof want, "as line %ld", line5);
            assert_int_equal(d.items[k].line, line_dup);
            assert_non_null(strstr(d.items[k].msg, want));
            seen_dup++;
        }
    }
    assert_int_equal(seen_bad, n_bad);
    assert_true(n_bad >= 10);
    assert_int_equal(seen_dup, 1);
    assert_int_equal(d.errors, n_bad);
    done(&ds, &d);
    free(rel);
    free(want_line);
    free(bad_line);
    remove_tmpdir();
}

/* ---- reading on a second thread (csvread.c) ------------------------ */

/* What ag_i_csv_read reported: each record as "line:field|field" lines,
 * then the diagnostics, the status and the record count. */
typedef struct {
    char *text;
    size_t len, cap;
    long stop_at;  /* the callback returns AG_EDATA on this record (0: never) */
    long seen;
} transcript_t;

static void tr_put(transcript_t *t, const char *s)
{
    size_t n = strlen(s);
    if (t->len + n + 1 > t->cap) {
        t->cap = 2 * (t->len + n + 1);
        t->text = realloc(t->text, t->cap);
        assert_non_null(t->text);
    }
    memcpy(t->text + t->len, s, n + 1);
    t->len += n;
}

static int tr_record(void *ud, long line, char **f, size_t n)
{
    transcript_t *t = ud;
    char head[64];
    snprintf(head, sizeof head, "%ld:", line);
    tr_put(t, head);
    for (size_t i = 0; i < n; i++) {
        tr_put(t, i ? "|" : "");
        tr_put(t, f[i]);
        f[i][0] = 'x'; /* the callback may write to its fields */
    }
    tr_put(t, "\n");
    return ++t->seen == t->stop_at ? AG_EDATA : 0;
}

/* Reads path with thread_min (0: one thread) and returns the transcript. */
static char *read_transcript(const char *path, size_t thread_min, long stop_at)
{
    ag_i_csv_opts_t opts = { ',', true, 4096, true, thread_min };
    transcript_t t = { NULL, 0, 0, stop_at, 0 };
    ag_diags_t d;
    ag_error_t err;
    size_t records;
    char buf[4400];
    int rc;
    ag_diags_init(&d);
    ag_error_clear(&err);
    tr_put(&t, "");
    rc = ag_i_csv_read(path, &opts, tr_record, &t, &d, &records, &err);
    for (size_t i = 0; i < d.n; i++) {
        snprintf(buf, sizeof buf, "diag %d %s:%ld: %s\n", (int)d.items[i].severity,
                 d.items[i].file, d.items[i].line, d.items[i].msg);
        tr_put(&t, buf);
    }
    snprintf(buf, sizeof buf, "status %d records %zu err %s:%ld: %s\n", rc, records,
             err.file, err.line, err.msg);
    tr_put(&t, buf);
    ag_diags_destroy(&d);
    return t.text;
}

/* A file of many records, over several of the reading thread's batches,
 * with every kind of problem csvread reports among them. */
static void write_big_csv(const char *path)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    fputs("a,b,c\n", fp);
    for (int i = 0; i < 20000; i++) {
        switch (i % 997) {
        case 10: fputs("bad,\"x\"y,z\n", fp); break;         /* malformed */
        case 20: fwrite("nul,\0,z\n", 1, 8, fp); break;       /* NUL byte */
        case 30: fputs("utf,\xC3\x28,z\n", fp); break;         /* bad UTF-8 */
        case 40: fputs("two,\"lines\nhere\",z\r\n", fp); break; /* multi-line */
        case 50: fputs("\n\n", fp); break;                    /* blank lines */
        case 60:                                               /* overlong */
            fputs("long,", fp);
            for (int k = 0; k < 5000; k++)
                fputc('y', fp);
            fputs(",z\n", fp);
            break;
        default: fprintf(fp, "%d,\"q,%d\",note %d\n", i, i * 7, i % 13); break;
        }
    }
    fputs("end,\"open quote\n", fp); /* unterminated at the end */
    fclose(fp);
}

/* Line ends where the reader's 64 KB blocks meet: a CRLF cut in two, a
 * lone CR as the block's last byte, a CR as the file's last byte, and a
 * line over three blocks long. Records and line numbers are those of the
 * file, on one thread and on two. */
static void test_line_ends_at_block_edges(void **state)
{
    enum { EDGE = 65535 }; /* offset of the block's last byte */
    static const char *const tails[] = { "\nlast,1\n", "last,1\n", "" };
    (void)state;
    for (int v = 0; v < 4; v++) {
        char path[] = "/tmp/ag-test-edgeXXXXXX", want[64];
        int fd = mkstemp(path);
        long pos = 4, line = 2;
        FILE *fp;
        char *one, *two;
        assert_true(fd >= 0);
        assert_non_null(fp = fdopen(fd, "wb"));
        fputs("a,b\n", fp);
        if (v == 3) {
            /* 200,000 bytes on line 2: one field too long, then a record. */
            fputs("long,", fp);
            for (int k = 0; k < 200000; k++)
                fputc('y', fp);
            fputs("\nlast,1\n", fp);
            line = 3;
        } else {
            while (EDGE - pos > 100) {
                pos += fprintf(fp, "%ld,", line);
                for (int k = 0; k < 50; k++, pos++)
                    fputc('y', fp);
                fputc('\n', fp);
                pos++, line++;
            }
            pos += fprintf(fp, "%ld,", line);
            for (; pos < EDGE; pos++)
                fputc('z', fp);
            fputc('\r', fp); /* at EDGE */
            fputs(tails[v], fp);
            line++;
        }
        fclose(fp);
        one = read_transcript(path, 0, 0);
        two = read_transcript(path, 1, 0);
        assert_string_equal(one, two);
        if (v < 2 || v == 3) {
            snprintf(want, sizeof want, "\n%ld:last|1\n", line);
            assert_non_null(strstr(one, want));
        }
        snprintf(want, sizeof want, "status 0 records %ld ",
                 v == 3 ? 2L : v == 2 ? line - 1 : line);
        if (!strstr(one, want))
            fail_msg("variant %d: no '%s' in\n%s", v, want, one);
        if (v == 3)
            assert_non_null(strstr(one, ":2: field of 200000 bytes is too long"));
        free(one);
        free(two);
        unlink(path);
    }
}

static void test_threaded_read_same(void **state)
{
    char path[] = "/tmp/ag-test-csvXXXXXX";
    int fd = mkstemp(path);
    const char *fixtures[] = { "clean/relations.csv", "warnings/relations.csv",
                               "clean/actors.csv" };
    (void)state;
    assert_true(fd >= 0);
    close(fd);
    write_big_csv(path);
    /* The whole file, and stopped by the callback before, inside and after
     * the first batches. */
    for (long stop = 0; stop <= 19000; stop += stop < 3000 ? 1499 : 8000) {
        char *one = read_transcript(path, 0, stop);
        char *two = read_transcript(path, 1, stop);
        assert_string_equal(one, two);
        if (stop == 0) {
            /* Every kind of problem is in there, and every record. */
            assert_non_null(strstr(one, ": malformed CSV"));
            assert_non_null(strstr(one, ": NUL byte at column 5"));
            assert_non_null(strstr(one, ": invalid UTF-8 at byte 5"));
            assert_non_null(strstr(one, ": field of 5000 bytes is too long"));
            assert_non_null(strstr(one, ": unterminated quoted field"));
            assert_non_null(strstr(one, "two|lines\nhere|z\n"));
            assert_non_null(strstr(one, "status 0 records 19897 "));
        } else {
            char want[64];
            snprintf(want, sizeof want, "status %d records %ld ", AG_EDATA, stop);
            assert_non_null(strstr(one, want));
        }
        free(one);
        free(two);
    }
    unlink(path);
    for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
        char *one = read_transcript(tu_fixture(fixtures[i]), 0, 0);
        char *two = read_transcript(tu_fixture(fixtures[i]), 1, 0);
        assert_string_equal(one, two);
        free(one);
        free(two);
    }
}

/* ---- reading in two halves (ag_i_csv_read_split) --------------------- */

static unsigned long mut_state = 20261130;

static unsigned long mut_rand(unsigned long n)
{
    mut_state = mut_state * 6364136223846793005UL + 1442695040888963407UL;
    return (mut_state >> 33) % n;
}

/* The second half's transcript and the bounds the reader gave. */
typedef struct {
    transcript_t t;
    ag_diags_t d;
    size_t first, second;   /* begin's bounds */
    long begun, dropped;
} split_tr_t;

static long split_begun;         /* whether the last read_split began a second half */
static transcript_t *split_first;
static long split_first_at;     /* the first half's records at begin */

static bool tr_begin(void *ud, void *ud2, size_t first, size_t second)
{
    split_tr_t *s = ud2;
    assert_ptr_equal(ud, split_first);
    s->first = first;
    s->second = second;
    s->begun++;
    split_first_at = split_first->seen;
    return true;
}

static void tr_drop(void *ud, void *ud2)
{
    split_tr_t *s = ud2;
    (void)ud;
    s->dropped++;
    free(s->t.text);
    memset(&s->t, 0, sizeof s->t);
    tr_put(&s->t, "");
    ag_diags_destroy(&s->d);
    ag_diags_init(&s->d);
}

static void tr_diags(transcript_t *t, const ag_diags_t *d)
{
    char buf[4400];
    for (size_t i = 0; i < d->n; i++) {
        snprintf(buf, sizeof buf, "diag %d %s:%ld: %s\n", (int)d->items[i].severity,
                 d->items[i].file, d->items[i].line, d->items[i].msg);
        tr_put(t, buf);
    }
}

/* Reads path in two halves (any size splits) and returns the transcript of
 * both, in read_transcript's form; *used: whether the halves stood, and
 * *first_n: the first half's record count. The first half stops at its
 * stop1-th record, the second at its stop2-th (0: never). */
static char *read_split(const char *path, long stop1, long stop2, bool *used, long *first_n)
{
    ag_i_csv_opts_t opts = { ',', true, 4096, true, 0 };
    transcript_t t = { NULL, 0, 0, stop1, 0 };
    split_tr_t s;
    ag_i_csv_split_t split = { 0, &s, &s.d, tr_begin, tr_drop, false };
    ag_diags_t d;
    ag_error_t err;
    size_t records;
    char buf[4400];
    int rc;
    memset(&s, 0, sizeof s);
    s.t.stop_at = stop2;
    ag_diags_init(&d);
    ag_diags_init(&s.d);
    ag_error_clear(&err);
    tr_put(&t, "");
    tr_put(&s.t, "");
    split_first = &t;
    rc = ag_i_csv_read_split(path, &opts, tr_record, &t, &d, &split, &records, &err);
    *used = split.used;
    *first_n = t.seen;
    assert_true(s.begun <= 1);
    split_begun = s.begun;
    if (split.used) {
        /* The bounds hold: the records after begin, and the second's. */
        assert_true((size_t)(t.seen - split_first_at) <= s.first);
        assert_true((size_t)s.t.seen <= s.second);
        assert_int_equal(s.dropped, 0);
        tr_put(&t, s.t.text);
    } else {
        assert_int_equal(s.dropped, s.begun);
    }
    tr_diags(&t, &d);
    if (split.used)
        tr_diags(&t, &s.d);
    snprintf(buf, sizeof buf, "status %d records %zu err %s:%ld: %s\n", rc, records,
             err.file, err.line, err.msg);
    tr_put(&t, buf);
    ag_diags_destroy(&d);
    ag_diags_destroy(&s.d);
    free(s.t.text);
    return t.text;
}

/* cases seeded mutations of a file of lines records, most near the middle
 * (where the cut falls): quotes (opening fields across the cut, among
 * others), line ends, NUL bytes, bad UTF-8, bytes dropped. The halves read
 * as one reading does, whether they stand or are dropped; both happen. */
static void mutations_read_same(const char *path, int lines, int cases)
{
    size_t cap = (size_t)lines * 40 + 1024, blen = 0;
    char *base = malloc(cap), *buf = malloc(2 * cap), *one, *two;
    long n_used = 0, n_dropped = 0, n1;
    bool used;
    FILE *fp;
    static const char *const bits[] = { "\"", "\r", "\n", "\r\n", "\"\"", "\xc3\x28", ",",
                                        "\"\n\"", "\n\"", ",\"" };
    assert_non_null(base);
    assert_non_null(buf);
    blen = (size_t)sprintf(base, "a,b,c\n");
    for (int i = 0; i < lines; i++)
        blen += (size_t)sprintf(base + blen, i % 40 ? "%d,x%d,q%d\n" : "%d,x%d,\"q,%d\"\n", i,
                                i, i);
    for (int c = 0; c < cases; c++) {
        size_t len = blen;
        memcpy(buf, base, blen);
        for (unsigned long k = 0, m = 1 + mut_rand(4); k < m; k++) {
            size_t at = mut_rand(3) ? blen / 2 - 200 + mut_rand(400) : mut_rand(len);
            unsigned long op = mut_rand(4);
            if (at > len)
                at = len;
            if (op == 0 && at < len) {
                size_t cut = 1 + mut_rand(30);
                if (cut > len - at)
                    cut = len - at;
                memmove(buf + at, buf + at + cut, len - at - cut);
                len -= cut;
            } else if (op == 1 && at < len) {
                buf[at] = '\0';
            } else {
                const char *b = bits[mut_rand(sizeof bits / sizeof *bits)];
                size_t bn = strlen(b);
                memmove(buf + at + bn, buf + at, len - at);
                memcpy(buf + at, b, bn);
                len += bn;
            }
        }
        assert_non_null(fp = fopen(path, "wb"));
        assert_int_equal(fwrite(buf, 1, len, fp), len);
        fclose(fp);
        one = read_transcript(path, 0, 0);
        two = read_split(path, 0, 0, &used, &n1);
        if (strcmp(one, two) != 0)
            fail_msg("%d lines, mutation %d differs: one reading\n%.2000s\nhalves\n%.2000s",
                     lines, c, one, two);
        n_used += used;
        n_dropped += split_begun && !used;
        free(one);
        free(two);
    }
    print_message("%d lines: halves stood %ld, dropped %ld\n", lines, n_used, n_dropped);
    assert_true(n_used > cases / 3);
    assert_true(n_dropped > cases / 30);
    free(base);
    free(buf);
}

/* Halves read at once give the records, lines and diagnostics of one
 * reading: on a file with every problem csvread reports on both sides of
 * the cut, with the callback stopping in either half, and where the cut
 * falls inside a quoted field over many lines (the second half dropped). */
static void test_split_read_same(void **state)
{
    char path[] = "/tmp/ag-test-splitXXXXXX";
    int fd = mkstemp(path);
    char *one, *two;
    bool used;
    long n1;
    FILE *fp;
    (void)state;
    assert_true(fd >= 0);
    close(fd);
    write_big_csv(path);
    one = read_transcript(path, 0, 0);
    two = read_split(path, 0, 0, &used, &n1);
    assert_true(used);
    assert_true(n1 > 5000 && n1 < 15000);
    assert_string_equal(one, two);
    free(one);
    free(two);
    /* Stopped by the first half's callback: the second half is dropped. */
    one = read_transcript(path, 0, 3000);
    two = read_split(path, 3000, 0, &used, &n1);
    assert_false(used);
    assert_string_equal(one, two);
    free(one);
    free(two);
    /* Stopped by the second half's callback, at its 2000th record. */
    two = read_split(path, 0, 2000, &used, &n1);
    assert_true(used);
    one = read_transcript(path, 0, n1 + 2000);
    {
        char want[64];
        snprintf(want, sizeof want, "status %d records %ld ", AG_EDATA, n1 + 2000);
        assert_non_null(strstr(two, want));
    }
    /* The one reading reports its stop as its own; the halves' record
     * counts and records agree. */
    assert_string_equal(one, two);
    free(one);
    free(two);

    /* A quoted field over the middle third of the file: the cut is inside
     * it, and the first half reads the whole file. */
    assert_non_null(fp = fopen(path, "wb"));
    fputs("a,b,c\r\n", fp);
    for (int i = 0; i < 5000; i++)
        fprintf(fp, "%d,x,y\r\n", i);
    fputs("long,\"", fp);
    for (int i = 0; i < 10000; i++)
        fprintf(fp, "line %d, still quoted\r\n", i);
    fputs("end\",z\r\n", fp);
    for (int i = 0; i < 5000; i++)
        fprintf(fp, "%d,x,y\n", i);
    fclose(fp);
    one = read_transcript(path, 0, 0);
    two = read_split(path, 0, 0, &used, &n1);
    assert_false(used);
    assert_string_equal(one, two);
    assert_non_null(strstr(one, "\n15003:0|x|y\n"));
    assert_int_equal(split_begun, 1);
    /* The quoted field is over the limit read_split sets: reported on its
     * first line, its record not passed on. */
    assert_non_null(strstr(one, ":5002: field of 2"));
    if (!strstr(one, "status 0 records 10001 "))
        fail_msg("%s", strstr(one, "status"));
    free(one);
    free(two);

    /* Seeded mutations, most near the middle, of a file over several
     * blocks and of one within the first block (cut inside the block read
     * already). */
    mutations_read_same(path, 12000, 300);
    mutations_read_same(path, 400, 300);
    /* The fixtures: small files, cut inside their one block. */
    {
        const char *fixtures[] = { "clean/relations.csv", "warnings/relations.csv",
                                   "clean/actors.csv", "bad-many/relations.csv" };
        for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
            one = read_transcript(tu_fixture(fixtures[i]), 0, 0);
            two = read_split(tu_fixture(fixtures[i]), 0, 0, &used, &n1);
            assert_true(split_begun);
            assert_string_equal(one, two);
            free(one);
            free(two);
        }
    }
    unlink(path);
}

int main(void)
{
    ag_init(NULL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean),
        cmocka_unit_test(test_sign_weight_overrides),
        cmocka_unit_test(test_quoting),
        cmocka_unit_test(test_crlf_bom),
        cmocka_unit_test(test_cr_only),
        cmocka_unit_test(test_line_ends_at_block_edges),
        cmocka_unit_test(test_split_read_same),
        cmocka_unit_test(test_split_load),
        cmocka_unit_test(test_builtin_types),
        cmocka_unit_test(test_types_csv_extends_builtin),
        cmocka_unit_test(test_types_csv_only),
        cmocka_unit_test(test_lineage),
        cmocka_unit_test(test_bad_relations),
        cmocka_unit_test(test_bad_actors),
        cmocka_unit_test(test_unterminated_quote),
        cmocka_unit_test(test_malformed_quote),
        cmocka_unit_test(test_bad_bytes),
        cmocka_unit_test(test_utf16),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_empty_file),
        cmocka_unit_test(test_header_only),
        cmocka_unit_test(test_missing_column),
        cmocka_unit_test(test_types_bad_header),
        cmocka_unit_test(test_bad_eras),
        cmocka_unit_test(test_not_a_folder),
        cmocka_unit_test(test_overlong_field),
        cmocka_unit_test(test_warnings),
        cmocka_unit_test(test_many_duplicates),
        cmocka_unit_test(test_threaded_read_same),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
