/*
 * model.h: the dataset in memory: actors, relation types, relations, eras.
 *
 * A dataset is a folder of CSV files (see docs/METHODS.md); load.h reads it.
 * Everything here is owned by the ag_dataset_t and freed by
 * ag_dataset_destroy(). Actors, types, relations and eras refer to each
 * other by index into the dataset's arrays (-1 for "none").
 *
 * Who frees what: every string of a record (ids, names, labels, notes,
 * cites, cameo codes, styles, dates' texts, extra values) and every
 * record's extra array lives in the dataset's string arena
 * (ag_dataset_t.strings), is never freed on its own, and goes with the
 * dataset; "" is one shared constant. Nobody writes to these strings.
 * Code that adds or changes records (the loader, ag_dataset_add_window,
 * the built-in types) copies strings into the arena and never assigns a
 * string the caller allocated. The arrays of records, the indices, the
 * extra column names, dir and name are separate allocations, freed by
 * ag_dataset_destroy().
 */
#ifndef ACTORGRAPH_MODEL_H
#define ACTORGRAPH_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "actorgraph/date.h"
#include "actorgraph/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A block of a dataset's string arena (its layout is internal). */
struct ag_strblock;

typedef enum {
    AG_KIND_STATE,
    AG_KIND_LEADER,
    AG_KIND_ORGANISATION,
    AG_KIND_GROUP,   /* non-state armed or political group */
    AG_KIND_AGENCY,
    AG_KIND_COUNT
} ag_kind_t;

/*
 * Extra columns of one CSV file: those the format does not name. They are
 * kept, in file order, so that exports can carry them.
 *   names: the header names; n: how many.
 */
typedef struct {
    char **names;
    size_t n;
} ag_columns_t;

/*
 * An actor (actors.csv).
 *   id, name:   unique id and display name (name kept verbatim).
 *   kind:       state, leader, organisation, group or agency.
 *   parent:     index of the actor this one acts for, or -1.
 *   continues:  index of the earlier actor this one continues, or -1.
 *   has_active, active: interval of existence, when given.
 *   note:       free text, verbatim ("" when empty).
 *   extra:      values of the file's extra columns (ag_dataset_t.actor_cols).
 *   line:       line in actors.csv where the record starts.
 */
typedef struct {
    char *id;
    char *name;
    ag_kind_t kind;
    long parent;
    long continues;
    bool has_active;
    ag_date_t active;
    char *note;
    char **extra;
    long line;
} ag_actor_t;

/*
 * A relation type (types.csv, or the built-in vocabulary).
 *   id, label:  id used in relations.csv and a label for legends.
 *   directed:   false when the relation is mutual (alliance, war).
 *   sign:       +1 cooperative, -1 conflictual (default of its relations).
 *   weight:     > 0, default weight of its relations.
 *   cameo:      CAMEO event code ("" when none).
 *   style:      Graphviz edge style (solid, dashed, dotted, bold).
 *   extra, line: as for actors (line 0 for built-in types).
 */
typedef struct {
    char *id;
    char *label;
    bool directed;
    int sign;
    double weight;
    char *cameo;
    char *style;
    char **extra;
    long line;
} ag_type_t;

/*
 * A relation (relations.csv). Fields are ordered and narrow so that a
 * relation takes 104 bytes (a million of them are a usual event dataset).
 *   date_text:      the canonical form of date.
 *   cite, note:     verbatim ("" when empty).
 *   extra:          as for actors.
 *   weight:         effective value (the row's, else the type's).
 *   source, target: actor indices.
 *   type:           type index.
 *   line:           as for actors (the loader refuses files of 2^31 lines
 *                   or more).
 *   date:           the EDTF date.
 *   sign:           effective value, +1 or -1 (the row's, else the type's).
 *   sign_set, weight_set: whether the row overrode the type's default.
 */
typedef struct {
    char *date_text;
    char *cite;
    char *note;
    char **extra;
    double weight;
    int32_t source;
    int32_t target;
    int32_t type;
    int32_t line;
    ag_date_t date;
    int8_t sign;
    bool sign_set;
    bool weight_set;
} ag_relation_t;

/*
 * An era (eras.csv).
 *   id, name:  id and display name (name = id when empty).
 *   period:    EDTF interval; period_text its canonical form.
 *   note, extra, line: as for actors.
 */
typedef struct {
    char *id;
    char *name;
    ag_date_t period;
    char *period_text;
    char *note;
    char **extra;
    long line;
} ag_era_t;

/*
 * A whole dataset.
 *   dir:           the folder it was loaded from.
 *   name:          the folder's last component ("new-great-game").
 *   actors, types, relations, eras: arrays in file order, with lengths.
 *   builtin_types: true when no types.csv was given (types.csv extends the
 *                  built-in vocabulary unless it has a "-builtin" row).
 *   *_cols:        the extra columns of each file.
 *   actor_index, type_index, era_index: indices sorted by id (byte order),
 *                  for ag_dataset_find_*.
 *   strings:       the string arena holding the records' strings and extra
 *                  arrays (see the top of this file), NULL when empty.
 */
typedef struct {
    char *dir;
    char *name;
    ag_actor_t *actors;
    size_t n_actors;
    ag_type_t *types;
    size_t n_types;
    ag_relation_t *relations;
    size_t n_relations;
    ag_era_t *eras;
    size_t n_eras;
    bool builtin_types;
    ag_columns_t actor_cols, type_cols, relation_cols, era_cols;
    long *actor_index;
    long *type_index;
    long *era_index;
    struct ag_strblock *strings;
} ag_dataset_t;

/* Zeroes the dataset. Can't fail. */
void ag_dataset_init(ag_dataset_t *ds);
/* Frees everything it owns; accepts a zeroed dataset. Can't fail. */
void ag_dataset_destroy(ag_dataset_t *ds);

/* Index of the actor, type or era with this id, or -1. Needs the indices
 * built by ag_dataset_build_indices(). Can't fail. */
long ag_dataset_find_actor(const ag_dataset_t *ds, const char *id);
long ag_dataset_find_type(const ag_dataset_t *ds, const char *id);
long ag_dataset_find_era(const ag_dataset_t *ds, const char *id);

/* (Re)builds the sorted id indices. AG_ENOMEM on failure. */
ag_status_t ag_dataset_build_indices(ag_dataset_t *ds, ag_error_t *err);

/*
 * Appends an ad-hoc era to the dataset, as if eras.csv had one more row: a
 * window from day first to day last (AG_DAY_MIN or AG_DAY_MAX for an open
 * end) whose id is also its name and its period text. It has no note, no
 * extra columns and line 0; the id index is rebuilt. This is how a window
 * (the command line's --from/--to) goes wherever an era goes. Returns AG_OK
 * with its index in *era; AG_EUSAGE when an era has this id already or
 * last < first; AG_ENOMEM. On failure the dataset is unchanged.
 */
ag_status_t ag_dataset_add_window(ag_dataset_t *ds, const char *id, int32_t first, int32_t last,
                                  long *era, ag_error_t *err);

/* The top-most parent of an actor (itself when it has none). Follows the
 * chain at most n_actors steps, so a cycle (rejected by the loader) cannot
 * hang it. Can't fail. */
long ag_dataset_top_parent(const ag_dataset_t *ds, long actor);

/* The earliest actor of an actor's lineage (following `continues`): SUN for
 * RUS. Can't fail. */
long ag_dataset_lineage_root(const ag_dataset_t *ds, long actor);

/* The built-in relation-type vocabulary, used when a dataset has no
 * types.csv. Fills ds->types. AG_ENOMEM on failure. */
ag_status_t ag_dataset_use_builtin_types(ag_dataset_t *ds, ag_error_t *err);

/* Kind names ("state", ...) and parsing; -1 for an unknown name. */
const char *ag_kind_name(ag_kind_t kind);
int ag_kind_parse(const char *s);

/* Whether s is a valid id: [A-Za-z0-9_.-]+. Can't fail. */
bool ag_id_valid(const char *s);

/*
 * An actor or era named on a command line: its index when text is an id,
 * else the one whose name equals text (ASCII case ignored), else (actors)
 * the one whose id does in another case. -1 when none fits, -2 when the
 * text fits several (give an id then). Can't fail.
 */
long ag_dataset_resolve_actor(const ag_dataset_t *ds, const char *text);
long ag_dataset_resolve_era(const ag_dataset_t *ds, const char *text);

/* A suggestion for an unknown actor id: the actor whose name equals s
 * (ignoring case), else the id closest to s (case-insensitive edit
 * distance, a swap of neighbours counting as one edit: at most 1 for ids of
 * up to 5 characters, else a third of the length), or NULL. Can't fail. */
const char *ag_suggest_actor(const ag_dataset_t *ds, const char *s);
/* The same over type ids and era ids. Can't fail. */
const char *ag_suggest_type(const ag_dataset_t *ds, const char *s);
const char *ag_suggest_era(const ag_dataset_t *ds, const char *s);

/* Validation across records, run by the loader after reading: parent and
 * continues chains (unknown ids were resolved by the loader; cycles are
 * found here), duplicate relations, relations outside an actor's active
 * interval, leaders and agencies without a parent. Adds to diags; lack of
 * memory sets diags->oom (the loader then fails with AG_ENOMEM). */
void ag_dataset_validate(const ag_dataset_t *ds, const char *actors_path,
                         const char *relations_path, ag_diags_t *diags);

#ifdef __cplusplus
}
#endif

#endif
