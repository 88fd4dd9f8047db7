/*
 * The floor for rendering: cmark-gfm alone, on one thread, turning every note of a
 * sitegen Content/ folder into HTML, with what sitegen asks of it (the table,
 * strikethrough, autolink, tagfilter and tasklist extensions, footnotes, alignment as
 * style attributes). It reads each events/<slug>/<code>.md, skips the front matter,
 * parses the body, renders it and frees everything; the HTML is only counted, not
 * written. No safety pass, typography, heading ids, templates or YAML: what is left is
 * the least any generator using cmark-gfm has to do.
 *
 * Usage: render CONTENT_DIR      prints "<notes> notes, <bytes> bytes of HTML"
 */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *extension_names[] = {"table", "strikethrough", "autolink", "tagfilter",
                                        "tasklist"};

static char *read_file(const char *path, size_t *length) {
    FILE *file = fopen(path, "rb");
    if (!file) return NULL;
    size_t capacity = 1 << 16, used = 0;
    char *buffer = malloc(capacity);
    size_t got;
    while ((got = fread(buffer + used, 1, capacity - used, file)) > 0) {
        used += got;
        if (used == capacity) buffer = realloc(buffer, capacity *= 2);
    }
    fclose(file);
    *length = used;
    return buffer;
}

/* The body after a front matter block that opens the file with "---\n". */
static const char *body_of(const char *text, size_t length, size_t *body_length) {
    if (length >= 4 && memcmp(text, "---\n", 4) == 0) {
        const char *end = strstr(text + 4, "\n---\n");
        if (end) {
            end += 5;
            *body_length = length - (size_t)(end - text);
            return end;
        }
    }
    *body_length = length;
    return text;
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s CONTENT_DIR\n", argv[0]);
        return 2;
    }
    cmark_gfm_core_extensions_ensure_registered();
    int options = CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES;

    char events[4096];
    snprintf(events, sizeof events, "%s/events", argv[1]);
    DIR *top = opendir(events);
    if (!top) {
        perror(events);
        return 1;
    }
    size_t count = 0, capacity = 1024;
    char **slugs = malloc(capacity * sizeof *slugs);
    struct dirent *entry;
    while ((entry = readdir(top))) {
        if (entry->d_name[0] == '.') continue;
        if (count == capacity) slugs = realloc(slugs, (capacity *= 2) * sizeof *slugs);
        slugs[count++] = strdup(entry->d_name);
    }
    closedir(top);
    qsort(slugs, count, sizeof *slugs, compare_names);

    size_t notes = 0, html_bytes = 0;
    char path[8192];
    for (size_t i = 0; i < count; i++) {
        snprintf(path, sizeof path, "%s/%s", events, slugs[i]);
        DIR *folder = opendir(path);
        if (!folder) continue;
        while ((entry = readdir(folder))) {
            size_t name_length = strlen(entry->d_name);
            if (name_length < 4 || strcmp(entry->d_name + name_length - 3, ".md") != 0) continue;
            snprintf(path, sizeof path, "%s/%s/%s", events, slugs[i], entry->d_name);
            size_t length, body_length;
            char *text = read_file(path, &length);
            if (!text) {
                perror(path);
                return 1;
            }
            const char *body = body_of(text, length, &body_length);

            cmark_parser *parser = cmark_parser_new(options);
            for (size_t e = 0; e < sizeof extension_names / sizeof *extension_names; e++) {
                cmark_syntax_extension *extension = cmark_find_syntax_extension(extension_names[e]);
                if (!extension) {
                    fprintf(stderr, "no extension %s\n", extension_names[e]);
                    return 1;
                }
                cmark_parser_attach_syntax_extension(parser, extension);
            }
            cmark_parser_feed(parser, body, body_length);
            cmark_node *document = cmark_parser_finish(parser);
            char *html = cmark_render_html(document, options,
                                           cmark_parser_get_syntax_extensions(parser));
            html_bytes += strlen(html);
            notes++;
            free(html);
            cmark_node_free(document);
            cmark_parser_free(parser);
            free(text);
        }
        closedir(folder);
        free(slugs[i]);
    }
    free(slugs);
    printf("%zu notes, %zu bytes of HTML\n", notes, html_bytes);
    return 0;
}
