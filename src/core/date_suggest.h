/*
 * date_suggest.h: what a person most likely meant by a date that is not
 * EDTF (internal; see date_suggest.c).
 */
#ifndef AG_CORE_DATE_SUGGEST_H
#define AG_CORE_DATE_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>

/*
 * For text that ag_date_parse rejects, writes into buf (of size n, cut to
 * fit) a hint for people that starts with "write " and gives the EDTF that
 * the common forms mean, with the reason or the ambiguity in brackets:
 *   10/22/1962     write 1962-10-22 (EDTF is year-month-day; 22 is no
 *                  month, so this is month/day)
 *   03/04/1962     write 1962-03-04 if it is month/day (4 March) or
 *                  1962-04-03 if it is day/month (3 April)
 *   October 1962   write 1962-10
 *   1962–1963      write 1962/1963 (an interval takes '/')
 *   1960s          write 196X (X: an unspecified digit)
 *   c. 1965        write 1965~ ('~' marks a date as approximate)
 *   early 1970s    write 197X (EDTF has no early, mid or late: ...)
 * Every date it suggests parses. Returns true when it wrote a hint, false
 * (buf untouched) when it recognises no form. Pure; can't fail.
 */
bool ag_i_date_suggest(const char *text, char *buf, size_t n);

#endif
