// Lists of text stored as one JSON array column (a procedure's steps, a dossier's documents):
// read and written whole with their row, never queried apart.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace xaso::storage {

inline std::string ListJson(const std::vector<std::string>& items) {
  return nlohmann::json(items).dump();
}

// The stored lists were written by ListJson; text that is not such a list reads as empty rather
// than failing the whole page.
inline std::vector<std::string> ListFromJson(const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& item : j) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

}  // namespace xaso::storage
