#include <git2.h>

// git_libgit2_opts is variadic, which Swift cannot call: one non-variadic wrapper per option used.

/// Turns off libgit2's check that every object read hashes to its id (git's own reads do not
/// check either): with it, reading is dominated by SHA-1 over every tree and blob.
static inline int mapc_git_set_strict_hash_verification(int enabled) {
  return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

/// Turns libgit2's object cache on or off for the whole process.
static inline int mapc_git_enable_caching(int enabled) {
  return git_libgit2_opts(GIT_OPT_ENABLE_CACHING, enabled);
}
