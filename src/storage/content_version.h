// Public pages are cached per commune and revalidated against commune.content_version
// (web/pages/portal_pages.cc). Every write that changes what a public page shows calls this
// in its own transaction.
#pragma once

#include <soci/soci.h>

namespace xaso::storage {

inline void BumpContentVersion(soci::session& s, long long commune_id) {
  s << "UPDATE commune SET content_version = content_version + 1 WHERE id = :c",
      soci::use(commune_id);
}

}  // namespace xaso::storage
