/*
 * output.c: atomic output files, folders, and the version text.
 */
#include "actorgraph/output.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <graphviz/graphviz_version.h>
#include <igraph/igraph_version.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util.h"

#ifndef AG_VERSION
#define AG_VERSION "unknown"
#endif

/* The file a symbolic link points to, even when it does not exist yet;
 * NULL when it can't be read. */
static char *link_target(const char *path)
{
    char buf[4096], *slash, *p;
    ssize_t n;
    if ((p = realpath(path, NULL)) != NULL)
        return p;
    if ((n = readlink(path, buf, sizeof buf - 1)) < 0)
        return NULL;
    buf[n] = '\0';
    if (buf[0] == '/' || !(slash = strrchr(path, '/')))
        return ag_i_strdup(buf);
    if (!(p = malloc((size_t)(slash - path) + 1 + (size_t)n + 1)))
        return NULL;
    sprintf(p, "%.*s/%s", (int)(slash - path), path, buf);
    return p;
}

ag_status_t ag_out_open(ag_out_t *o, const char *path, ag_error_t *err)
{
    struct stat st;
    size_t n;
    int fd;
    memset(o, 0, sizeof *o);
    /* A link is followed, so that its target is replaced and it stays. */
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
        o->path = link_target(path);
    if (!o->path)
        o->path = ag_i_strdup(path);
    if (!o->path)
        return ag_error_set(err, AG_ENOMEM, path, 0, "out of memory");
    if (stat(o->path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            ag_out_abort(o);
            return ag_error_set(err, AG_EIO, path, 0, "cannot write: Is a directory");
        }
        /* A device or a pipe (/dev/stdout, a FIFO) can't be replaced, and
         * renaming over it would put a file in its place: write to it. */
        if (!(o->fp = fopen(o->path, "wb"))) {
            int e = errno;
            ag_out_abort(o);
            return ag_error_set(err, AG_EIO, path, 0, "cannot write: %s", strerror(e));
        }
        return AG_OK;
    }
    /* An unnamed file in the destination's folder (O_TMPFILE), given a
     * name only when complete: a process killed while writing, even by
     * SIGKILL, leaves nothing behind. Needs /proc to link it in, and a
     * file system that has O_TMPFILE; otherwise a named temporary. */
    if (access("/proc/self/fd", X_OK) == 0) {
        const char *slash = strrchr(o->path, '/');
        char *dir = slash ? ag_i_strndup(o->path, slash == o->path ? 1 : (size_t)(slash - o->path))
                          : ag_i_strdup(".");
        if (!dir) {
            ag_out_abort(o);
            return ag_error_set(err, AG_ENOMEM, path, 0, "out of memory");
        }
        fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
        free(dir);
        if (fd >= 0) {
            if (!(o->fp = fdopen(fd, "wb"))) {
                close(fd);
                ag_out_abort(o);
                return ag_error_set(err, AG_ENOMEM, path, 0, "out of memory");
            }
            return AG_OK;
        }
        if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
            int e = errno;
            ag_out_abort(o);
            return ag_error_set(err, AG_EIO, path, 0, "cannot write: %s", strerror(e));
        }
    }
    n = strlen(o->path);
    /* "PATH.tmp." and mkstemp's six-letter template, spelt out so that the
     * six placeholder letters are not mistaken for a marker in the code. */
    o->tmp = malloc(n + 5 + 6 + 1);
    if (!o->tmp) {
        ag_out_abort(o);
        return ag_error_set(err, AG_ENOMEM, path, 0, "out of memory");
    }
    memcpy(o->tmp, o->path, n);
    memcpy(o->tmp + n, ".tmp.", 5);
    memset(o->tmp + n + 5, 'X', 6);
    o->tmp[n + 11] = '\0';
    fd = mkstemp(o->tmp);
    if (fd < 0) {
        int e = errno;
        free(o->tmp);
        o->tmp = NULL;
        ag_out_abort(o);
        return ag_error_set(err, AG_EIO, path, 0, "cannot write: %s", strerror(e));
    }
    /* mkstemp makes the file 0600; outputs are ordinary files. */
    {
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
    }
    o->fp = fdopen(fd, "wb");
    if (!o->fp) {
        close(fd);
        ag_out_abort(o);
        return ag_error_set(err, AG_ENOMEM, path, 0, "out of memory");
    }
    return AG_OK;
}

/* Gives the unnamed file open on fd a temporary name beside the
 * destination (PATH.tmp. and six letters), kept in o->tmp for the rename.
 * Returns 0, or -1 with errno set. */
static int link_unnamed(ag_out_t *o, int fd)
{
    static const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    char proc[64];
    size_t n = strlen(o->path);
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    if (!(o->tmp = malloc(n + 5 + 6 + 1)))
        return -1;
    memcpy(o->tmp, o->path, n);
    memcpy(o->tmp + n, ".tmp.", 5);
    for (int tries = 0; tries < 100; tries++) {
        unsigned char r[6];
        if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r)
            for (int i = 0; i < 6; i++)
                r[i] = (unsigned char)(getpid() + tries * 7 + i * 13);
        for (int i = 0; i < 6; i++)
            o->tmp[n + 5 + i] = letters[r[i] % (sizeof letters - 1)];
        o->tmp[n + 11] = '\0';
        if (linkat(AT_FDCWD, proc, AT_FDCWD, o->tmp, AT_SYMLINK_FOLLOW) == 0)
            return 0;
        if (errno != EEXIST)
            break;
    }
    {
        int e = errno;
        free(o->tmp);
        o->tmp = NULL;
        errno = e;
    }
    return -1;
}

ag_status_t ag_out_commit(ag_out_t *o, ag_error_t *err)
{
    int bad = ferror(o->fp);
    int e = errno;
    int fd_unnamed = -1;
    struct stat st;
    if (fflush(o->fp) != 0) {
        bad = 1;
        e = errno;
    }
    /* An unnamed file (see ag_out_open) has no links yet; a device has. */
    if (!bad && !o->tmp && fstat(fileno(o->fp), &st) == 0 && S_ISREG(st.st_mode) &&
        st.st_nlink == 0 && (fd_unnamed = dup(fileno(o->fp))) < 0) {
        bad = 1;
        e = errno;
    }
    if (fclose(o->fp) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    o->fp = NULL;
    if (!bad && !o->tmp && fd_unnamed >= 0 && link_unnamed(o, fd_unnamed) != 0) {
        bad = 1;
        e = errno;
    }
    if (fd_unnamed >= 0)
        close(fd_unnamed);
    if (!bad && o->tmp && rename(o->tmp, o->path) != 0) {
        bad = 1;
        e = errno;
    }
    if (bad) {
        ag_status_t rc = e == ENOMEM ? AG_ENOMEM : AG_EIO;
        if (rc == AG_ENOMEM)
            ag_error_set(err, rc, o->path, 0, "out of memory");
        else
            ag_error_set(err, rc, o->path, 0, "cannot write: %s", strerror(e));
        ag_out_abort(o);
        return rc;
    }
    free(o->tmp);
    o->tmp = NULL;
    ag_out_abort(o);
    return AG_OK;
}

void ag_out_abort(ag_out_t *o)
{
    if (!o)
        return;
    if (o->fp)
        fclose(o->fp);
    if (o->tmp)
        unlink(o->tmp);
    free(o->tmp);
    free(o->path);
    memset(o, 0, sizeof *o);
}

ag_status_t ag_write_file(const char *path, const void *data, size_t n, ag_error_t *err)
{
    ag_out_t o;
    ag_status_t rc = ag_out_open(&o, path, err);
    if (rc != AG_OK)
        return rc;
    if (n && fwrite(data, 1, n, o.fp) != n) {
        int e = errno; /* ag_out_abort may change it */
        ag_out_abort(&o);
        return ag_error_set(err, AG_EIO, path, 0, "cannot write: %s", strerror(e));
    }
    return ag_out_commit(&o, err);
}

ag_status_t ag_mkdir_p(const char *path, ag_error_t *err)
{
    char *p;
    struct stat st;
    if (!*path)
        return ag_error_set(err, AG_EIO, path, 0, "cannot create a folder without a name");
    p = ag_i_strdup(path);
    if (!p)
        return ag_error_set(err, AG_ENOMEM, path, 0, "out of memory");
    for (char *s = p + 1;; s++) {
        if (*s == '/' || *s == '\0') {
            char c = *s;
            *s = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST) {
                int e = errno;
                free(p);
                return ag_error_set(err, AG_EIO, path, 0, "cannot create folder: %s",
                                    strerror(e));
            }
            *s = c;
            if (!c)
                break;
        }
    }
    free(p);
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
        return ag_error_set(err, AG_EIO, path, 0, "cannot create folder: not a folder");
    return AG_OK;
}

const char *ag_version_text(void)
{
    static char text[256];
    if (!*text)
        snprintf(text, sizeof text,
                 "actorgraph %s (igraph %s, graphviz %s, jansson %s, libcsv %d.%d.%d)",
                 AG_VERSION, IGRAPH_VERSION, PACKAGE_VERSION, JANSSON_VERSION,
                 CSV_MAJOR, CSV_MINOR, CSV_RELEASE);
    return text;
}
