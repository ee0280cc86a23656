/*
 * doc_html.c: the HTML back-end. One self-contained page: the style sheet
 * and the script are inline (src/pages/html/, compiled in), nothing is
 * fetched, so the file works from file:// with the network off. Blocks for
 * readers, as HTML5:
 *   title          <header> with the <h1> and what precedes the first
 *                  section;
 *   heading 2      opens a <section> that runs to the next level-2
 *                  heading; with AG_BLOCK_VIEW a <section class="view">:
 *                  the script's picker shows one view at a time (without
 *                  the script all are shown, one after the other);
 *   heading 3..6   <h3>..<h6>;
 *   paragraph      <p>; inline `code` and [text](address) as in Markdown;
 *   table          <table class="sortable"> with a <caption>; number
 *                  columns right-aligned, sortable by value (data-v); actor
 *                  columns as links that open the actor's panel;
 *   list, figure, link, raw (HTML only) as one would expect.
 */
#include <stdlib.h>
#include <string.h>

#include "pages/backend.h"
#include "pages/html_assets.h"

/* Text as HTML: &, <, >, " escaped; '\n' as <br> when br. */
static void esc(FILE *fp, const char *s, size_t n, bool br)
{
    for (size_t i = 0; i < n && s[i]; i++) {
        switch (s[i]) {
        case '&':
            fputs("&amp;", fp);
            break;
        case '<':
            fputs("&lt;", fp);
            break;
        case '>':
            fputs("&gt;", fp);
            break;
        case '"':
            fputs("&quot;", fp);
            break;
        case '\n':
            fputs(br ? "<br>\n" : "\n", fp);
            break;
        case '\r':
            break;
        default:
            fputc(s[i], fp);
        }
    }
}

static void esc0(FILE *fp, const char *s)
{
    esc(fp, s ? s : "", (size_t)-1, false);
}

/* An address a page may link to: relative paths and anchors, not scripts
 * and not other sites (the page asks for nothing outside its folder). */
static bool safe_href(const char *s, size_t n)
{
    return n > 0 && !memchr(s, ':', n) && !(n >= 2 && s[0] == '/' && s[1] == '/');
}

/* Paragraph text: `code` and [text](address) as in Markdown, the rest
 * escaped. */
static void inline_text(FILE *fp, const char *s)
{
    while (*s) {
        const char *close;
        if (*s == '`' && (close = strchr(s + 1, '`')) != NULL) {
            fputs("<code>", fp);
            esc(fp, s + 1, (size_t)(close - s - 1), false);
            fputs("</code>", fp);
            s = close + 1;
            continue;
        }
        if (*s == '[') {
            const char *mid = strstr(s, "](");
            const char *end = mid ? strchr(mid + 2, ')') : NULL;
            if (mid && end && !memchr(s + 1, '[', (size_t)(mid - s - 1)) &&
                safe_href(mid + 2, (size_t)(end - mid - 2))) {
                fputs("<a href=\"", fp);
                esc(fp, mid + 2, (size_t)(end - mid - 2), false);
                fputs("\">", fp);
                esc(fp, s + 1, (size_t)(mid - s - 1), false);
                fputs("</a>", fp);
                s = end + 1;
                continue;
            }
        }
        esc(fp, s, 1, true);
        s++;
    }
}

void ag_i_table_html(const ag_table_t *t, const char *id, const char *caption, FILE *fp)
{
    fputs("<div class=\"scroll\"><table class=\"sortable\"", fp);
    if (id) {
        fputs(" id=\"", fp);
        esc0(fp, id);
        fputc('"', fp);
    }
    fputs(">\n", fp);
    if (caption) {
        fputs("<caption>", fp);
        esc0(fp, caption);
        fputs("</caption>\n", fp);
    }
    fputs("<thead><tr>", fp);
    for (size_t c = 0; c < t->ncols; c++) {
        char hb[256];
        fputs(t->type[c] == AG_COL_NUMBER ? "<th data-type=\"number\">" : "<th>", fp);
        esc0(fp, ag_i_head_people(t->head[c], hb, sizeof hb));
        fputs("</th>", fp);
    }
    fputs("</tr></thead>\n<tbody>\n", fp);
    for (size_t r = 0; r < t->nrows; r++) {
        fputs("<tr>", fp);
        for (size_t c = 0; c < t->ncols; c++) {
            const char *v = ag_table_cell(t, r, c);
            if (t->type[c] == AG_COL_NUMBER) {
                char *end;
                (void)strtod(v, &end);
                if (*v && !*end) {
                    /* Sorted by the value shown. */
                    fputs("<td class=\"num\" data-v=\"", fp);
                    esc0(fp, v);
                    fputs("\">", fp);
                } else {
                    fputs("<td class=\"num\">", fp);
                }
                esc0(fp, v);
            } else if (t->type[c] == AG_COL_ACTOR && *v) {
                fputs("<td><a href=\"#\" class=\"actor\" data-actor=\"", fp);
                esc0(fp, v);
                fputs("\">", fp);
                esc0(fp, v);
                fputs("</a>", fp);
            } else {
                fputs("<td>", fp);
                esc(fp, v, (size_t)-1, true);
            }
            fputs("</td>", fp);
        }
        fputs("</tr>\n", fp);
    }
    fputs("</tbody></table></div>\n", fp);
}

/* What the script fills in: the era picker, the search box, the panel.
 * Hidden until the script shows them, so a page read without it has none
 * of them. */
static const char chrome[] =
    "<div class=\"controls\" id=\"controls\" hidden>\n"
    "<nav id=\"picker\" aria-label=\"sections\"></nav>\n"
    "<div class=\"searchbox\" id=\"searchbox\" hidden>"
    "<input id=\"search\" type=\"search\" placeholder=\"find an actor or a relation\" "
    "aria-label=\"find an actor or a relation\" autocomplete=\"off\">"
    "<ul id=\"search-results\" hidden></ul></div>\n"
    "</div>\n"
    "<aside id=\"panel\" hidden aria-labelledby=\"panel-title\">"
    "<button type=\"button\" id=\"panel-close\" aria-label=\"close\">\u00d7</button>"
    "<div id=\"panel-body\"></div></aside>\n";

static void write_block(const ag_block_t *b, FILE *fp)
{
    switch (b->kind) {
    case AG_BLOCK_TITLE:
        fputs("<h1>", fp);
        esc0(fp, b->text);
        fputs("</h1>\n", fp);
        break;
    case AG_BLOCK_HEADING:
        fprintf(fp, "<h%d", b->level);
        if (b->id && b->level > 2) {
            fputs(" id=\"", fp);
            esc0(fp, b->id);
            fputc('"', fp);
        }
        fputc('>', fp);
        esc0(fp, b->text);
        fprintf(fp, "</h%d>\n", b->level);
        break;
    case AG_BLOCK_PARAGRAPH:
        fputs("<p>", fp);
        inline_text(fp, b->text);
        fputs("</p>\n", fp);
        break;
    case AG_BLOCK_TABLE:
        ag_i_table_html(ag_doc_block_table(b), b->id, b->caption, fp);
        break;
    case AG_BLOCK_LIST:
        fputs(b->ordered ? "<ol>\n" : "<ul>\n", fp);
        for (size_t i = 0; i < b->n_items; i++) {
            fputs("<li>", fp);
            inline_text(fp, b->items[i]);
            fputs("</li>\n", fp);
        }
        fputs(b->ordered ? "</ol>\n" : "</ul>\n", fp);
        break;
    case AG_BLOCK_FIGURE:
        fputs("<figure><img src=\"", fp);
        esc0(fp, b->target);
        fputs("\" alt=\"", fp);
        esc0(fp, b->alt);
        fputs("\">", fp);
        if (b->text) {
            fputs("<figcaption>", fp);
            inline_text(fp, b->text);
            fputs("</figcaption>", fp);
        }
        fputs("</figure>\n", fp);
        break;
    case AG_BLOCK_LINK:
        fputs("<p><a href=\"", fp);
        esc0(fp, b->target);
        fputs("\">", fp);
        esc0(fp, b->text);
        fputs("</a></p>\n", fp);
        break;
    case AG_BLOCK_RAW:
        fputs(b->text, fp);
        break;
    }
}

ag_status_t ag_i_doc_html(const ag_doc_t *d, FILE *fp, ag_error_t *err)
{
    const char *title = "actorgraph";
    bool in_section = false, in_header = false;
    (void)err;

    for (size_t i = 0; i < d->n_blocks; i++)
        if (d->blocks[i].kind == AG_BLOCK_TITLE) {
            title = d->blocks[i].text;
            break;
        }
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"actorgraph\">\n<title>",
          fp);
    esc0(fp, title);
    fputs("</title>\n<style>\n", fp);
    fputs(ag_i_html_css, fp);
    fputs("</style>\n</head>\n<body>\n", fp);

    for (size_t i = 0; i < d->n_blocks; i++) {
        const ag_block_t *b = &d->blocks[i];
        if (!ag_i_block_for(b, AG_FOR_READING) ||
            (b->kind == AG_BLOCK_RAW && b->raw_format != AG_FMT_HTML))
            continue;
        if (b->kind == AG_BLOCK_TITLE && !in_section && !in_header) {
            fputs("<header class=\"top\">\n", fp);
            in_header = true;
        }
        if (b->kind == AG_BLOCK_HEADING && b->level == 2) {
            if (in_header) {
                fputs("</header>\n", fp);
                fputs(chrome, fp);
                fputs("<main>\n", fp);
                in_header = false;
            } else if (in_section) {
                fputs("</section>\n", fp);
            } else {
                fputs(chrome, fp);
                fputs("<main>\n", fp);
            }
            fputs((b->flags & AG_BLOCK_VIEW) ? "<section class=\"view\"" : "<section", fp);
            if (b->id) {
                fputs(" id=\"", fp);
                esc0(fp, b->id);
                fputs("\" data-view=\"", fp);
                esc0(fp, b->id);
                fputc('"', fp);
            }
            fputs(" data-label=\"", fp);
            esc0(fp, b->text);
            fputs("\">\n", fp);
            in_section = true;
        }
        write_block(b, fp);
    }
    if (in_header) {
        fputs("</header>\n", fp);
        fputs(chrome, fp);
        fputs("<main>\n", fp);
    } else if (in_section) {
        fputs("</section>\n", fp);
    } else {
        fputs(chrome, fp);
        fputs("<main>\n", fp);
    }
    fputs("</main>\n<script>\n", fp);
    fputs(ag_i_html_js, fp);
    fputs("</script>\n</body>\n</html>\n", fp);
    return AG_OK;
}
