// Files compiled into the binary (migrations, templates, catalogues, static assets); see
// cmake/EmbedFiles.cmake. The data lives for the whole program.
#pragma once

#include <span>
#include <string_view>

namespace xaso {

struct EmbeddedFile {
  std::string_view path;  // relative to its base folder, with '/' separators
  std::string_view data;
};

// Defined in generated sources.
std::span<const EmbeddedFile> EmbeddedMigrations();
std::span<const EmbeddedFile> EmbeddedWebAssets();
std::span<const EmbeddedFile> EmbeddedDemoFiles();
std::span<const EmbeddedFile> EmbeddedPapiCatalogue();
std::span<const EmbeddedFile> EmbeddedProcedureCatalogue();
std::span<const EmbeddedFile> EmbeddedSurveyPresets();
std::span<const EmbeddedFile> EmbeddedDisclosureTypes();

}  // namespace xaso
