// A value per key kept for a number of seconds, then loaded again: for data every request reads
// and people rarely change (the rule book, a commune's categories), so that another server
// process's change is seen within that time and this process's own at once (Clear).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <utility>

#include "core/result.h"

namespace xaso {

// Thread-safe. Loads outside the lock: two threads may load the same key once each, which is
// cheaper than making every reader wait on the database.
template <class Key, class Value>
class TtlCache {
 public:
  explicit TtlCache(int64_t max_age_seconds) : max_age_(max_age_seconds) {}

  // The value for `key` if loaded less than max_age seconds before `now`, else `load()`'s,
  // which is kept when it succeeds.
  template <class Load>
  Result<Value> Get(const Key& key, int64_t now, Load load) {
    {
      std::lock_guard lock(mu_);
      auto it = entries_.find(key);
      if (it != entries_.end() && now - it->second.second < max_age_) return it->second.first;
    }
    Result<Value> loaded = load();
    if (loaded) {
      std::lock_guard lock(mu_);
      entries_[key] = {*loaded, now};
    }
    return loaded;
  }

  void Clear() {
    std::lock_guard lock(mu_);
    entries_.clear();
  }

 private:
  const int64_t max_age_;
  std::mutex mu_;
  std::map<Key, std::pair<Value, int64_t>> entries_;  // GUARDED_BY(mu_): value, loaded at
};

}  // namespace xaso
