#ifndef SITEGEN_CWATCH_H
#define SITEGEN_CWATCH_H

#include <stddef.h>
#include <stdint.h>

/// What happened to a watched path, as flags of `sitegen_watch_event.kind`.
enum {
    /// The name is a folder.
    SITEGEN_WATCH_FOLDER = 1,
    /// The name was created or moved into the folder.
    SITEGEN_WATCH_ADDED = 2,
    /// The name was deleted or moved out of the folder.
    SITEGEN_WATCH_REMOVED = 4,
    /// The file's contents or attributes changed.
    SITEGEN_WATCH_CHANGED = 8,
    /// Events were lost (the kernel's queue overflowed): rescan everything.
    SITEGEN_WATCH_OVERFLOW = 16,
    /// The watched folder itself went away; its watch is gone.
    SITEGEN_WATCH_GONE = 32,
};

/// One event read from the watcher.
typedef struct {
    /// The watch the event belongs to, as `sitegen_watch_add` returned it.
    int watch;
    /// SITEGEN_WATCH_* flags.
    int kind;
    /// The name inside the watched folder (NUL-terminated), or "" for the folder itself.
    const char *name;
} sitegen_watch_event;

/// Opens a watcher (inotify, non-blocking, close-on-exec). Returns its descriptor, or -1
/// with errno set (ENOSYS where the system has no inotify).
int sitegen_watch_open(void);

/// Watches one folder (not its subfolders; symbolic links are not followed). Returns the
/// watch's number, or -1 with errno set.
int sitegen_watch_add(int watcher, const char *folder);

/// Waits up to `milliseconds` for events. Returns 1 when some are ready, 0 on time-out, -1
/// on error.
int sitegen_watch_wait(int watcher, int milliseconds);

/// Reads what is ready into `buffer` (at least 4096 bytes). Returns the bytes read, 0 when
/// nothing is ready, or -1 with errno set.
long sitegen_watch_read(int watcher, void *buffer, size_t size);

/// Decodes the event at `*offset` in a buffer `sitegen_watch_read` filled, and moves
/// `*offset` past it. Returns 1 with `*event` set, or 0 when the buffer holds no more.
int sitegen_watch_next(const void *buffer, size_t length, size_t *offset,
                       sitegen_watch_event *event);

/// Closes a watcher and every watch it holds.
void sitegen_watch_close(int watcher);

#endif
