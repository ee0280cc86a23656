/*
 * html_data.h (internal): the JSON data island that index.html's script
 * reads (html_data.c says what it holds).
 */
#ifndef AG_PAGES_HTML_DATA_H
#define AG_PAGES_HTML_DATA_H

#include <jansson.h>

#include "actorgraph/report.h"

/* Formats a value for people into buf (64 bytes); returns buf. */
typedef char *(*ag_i_human_fn)(double v, char *buf);

/* The data of a report of several eras, values formatted by human. A new
 * reference, or NULL on lack of memory. */
json_t *ag_i_html_data(const ag_report_t *r, ag_i_human_fn human);

/* Fills order (r->n_eras entries) with the indices of r's eras in date
 * order: by first day, then last day, then the order they were added.
 * Can't fail. */
void ag_i_era_date_order(const ag_report_t *r, size_t *order);

#endif
