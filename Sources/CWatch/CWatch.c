#include "CWatch.h"

#include <errno.h>
#include <string.h>

#ifdef __linux__
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

int sitegen_watch_open(void) { return inotify_init1(IN_NONBLOCK | IN_CLOEXEC); }

int sitegen_watch_add(int watcher, const char *folder) {
    uint32_t mask = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB |
                    IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR |
                    IN_DONT_FOLLOW;
    return inotify_add_watch(watcher, folder, mask);
}

int sitegen_watch_wait(int watcher, int milliseconds) {
    struct pollfd entry = {.fd = watcher, .events = POLLIN, .revents = 0};
    int ready = poll(&entry, 1, milliseconds);
    if (ready < 0) return errno == EINTR ? 0 : -1;
    return ready > 0 ? 1 : 0;
}

long sitegen_watch_read(int watcher, void *buffer, size_t size) {
    ssize_t count = read(watcher, buffer, size);
    if (count < 0) return (errno == EAGAIN || errno == EINTR) ? 0 : -1;
    return (long)count;
}

int sitegen_watch_next(const void *buffer, size_t length, size_t *offset,
                       sitegen_watch_event *event) {
    if (*offset + sizeof(struct inotify_event) > length) return 0;
    const struct inotify_event *raw =
        (const struct inotify_event *)((const char *)buffer + *offset);
    size_t size = sizeof(struct inotify_event) + raw->len;
    if (*offset + size > length) return 0;
    *offset += size;
    int kind = 0;
    if (raw->mask & IN_ISDIR) kind |= SITEGEN_WATCH_FOLDER;
    if (raw->mask & (IN_CREATE | IN_MOVED_TO)) kind |= SITEGEN_WATCH_ADDED;
    if (raw->mask & (IN_DELETE | IN_MOVED_FROM)) kind |= SITEGEN_WATCH_REMOVED;
    if (raw->mask & (IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB)) kind |= SITEGEN_WATCH_CHANGED;
    if (raw->mask & IN_Q_OVERFLOW) kind |= SITEGEN_WATCH_OVERFLOW;
    if (raw->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) kind |= SITEGEN_WATCH_GONE;
    event->watch = raw->wd;
    event->kind = kind;
    event->name = raw->len > 0 ? raw->name : "";
    return 1;
}

void sitegen_watch_close(int watcher) { close(watcher); }

#else

int sitegen_watch_open(void) {
    errno = ENOSYS;
    return -1;
}
int sitegen_watch_add(int watcher, const char *folder) {
    (void)watcher;
    (void)folder;
    errno = ENOSYS;
    return -1;
}
int sitegen_watch_wait(int watcher, int milliseconds) {
    (void)watcher;
    (void)milliseconds;
    return -1;
}
long sitegen_watch_read(int watcher, void *buffer, size_t size) {
    (void)watcher;
    (void)buffer;
    (void)size;
    return -1;
}
int sitegen_watch_next(const void *buffer, size_t length, size_t *offset,
                       sitegen_watch_event *event) {
    (void)buffer;
    (void)length;
    (void)offset;
    (void)event;
    return 0;
}
void sitegen_watch_close(int watcher) { (void)watcher; }

#endif
