// The public headers of cmark-gfm and its core extensions, and nothing else.
// The headers under /usr/include/cmark-gfm/ are the library's internals: never include them.
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
