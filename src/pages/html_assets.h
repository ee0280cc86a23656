/*
 * html_assets.h (internal): the style sheet and the script of HTML pages
 * (src/pages/html/report.css and report.js), compiled in by
 * cmake/embed.cmake so that a page is one self-contained file.
 */
#ifndef AG_PAGES_HTML_ASSETS_H
#define AG_PAGES_HTML_ASSETS_H

extern const char ag_i_html_css[];
extern const char ag_i_html_js[];

#endif
