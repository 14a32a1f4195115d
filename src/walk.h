/* walk.h - the files a command line names, in a fixed order (the program's).
 *
 * A Walk turns the arguments FILE|DIR|- into the list of files to read, one
 * at a time: a file (whatever its name) or '-' as it is, a directory as
 * every file below it whose name ends in the suffix, depth first, the
 * entries of each directory in byte order of their names.  Names starting
 * with '.' are skipped, and so are symbolic links to directories (no
 * loops); links to files are followed.  A directory argument that gives
 * no file at all is returned itself, with the error WALK_NO_FILES: a
 * directory of *.jsonl files read for *.txt ones is a mistake to say, not
 * an empty run.  Only the directories being walked are held in memory:
 * one sorted list of names per level.
 *
 *     Walk *w = walk_new(argv + optind, argc - optind, ".txt");
 *     const char *path;
 *     int error;
 *     while (walk_next(w, &path, &error) > 0)
 *       error ? report(path, strerror(error)) : read_file(path);
 *     walk_free(w);
 */
#ifndef NEWSKG_WALK_H
#define NEWSKG_WALK_H

#include <stddef.h>

typedef struct WalkImpl Walk;

/** The error of walk_next for a directory argument with no file of the
 *  suffix below it (errno values are positive). */
#define WALK_NO_FILES (-1)

/** Returns a new walk over the n arguments (which must outlive it), or
 *  NULL when out of memory.  suffix selects the files of directories. */
Walk *walk_new(char *const *args, size_t n, const char *suffix);

/** Moves to the next file.  Returns 1 and sets *path (valid until the next
 *  call) and *error: 0, the errno of a path that could not be walked (a
 *  missing argument, an unreadable directory), or WALK_NO_FILES.  Returns 0 at the end,
 *  -1 when out of memory. */
int walk_next(Walk *w, const char **path, int *error);

/** Non-zero when the path walk_next gave last was found in a directory,
 *  not named by an argument. */
int walk_in_directory(const Walk *w);

void walk_free(Walk *w);

#endif /* NEWSKG_WALK_H */
