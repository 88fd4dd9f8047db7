#ifndef SITEGEN_CFILESYSTEM_H
#define SITEGEN_CFILESYSTEM_H

/// Swaps two paths in one step: each then names what the other named. Both must exist.
/// Returns 0, or -1 with errno set (EINVAL or ENOSYS where the file system cannot).
int sitegen_exchange(const char *first, const char *second);

/// Renames a path unless the destination exists. Returns 0, or -1 with errno set.
int sitegen_rename_no_replace(const char *from, const char *to);

/// Flushes the file system that holds the open file descriptor to disk. Returns 0, or -1.
int sitegen_sync_file_system(int descriptor);

#endif
