#include "cli/common.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include <CLI/CLI.hpp>

namespace xaso::cli {

void AddCommonFlags(CLI::App& app, Flags& flags) {
  app.add_option("--config", flags.config_file, "TOML configuration file");
  app.add_option("--db", flags.db, "database URL: sqlite:PATH or postgresql://...");
}

Result<app::Config> BuildConfig(const Flags& flags) {
  app::Config config;
  if (!flags.config_file.empty()) {
    XASO_RETURN_IF_ERROR(app::LoadConfigFile(flags.config_file, config));
  }
  XASO_RETURN_IF_ERROR(app::ApplyEnvironment(config));
  if (!flags.db.empty()) config.database.url = flags.db;
  if (!flags.listen.empty()) config.server.listen = flags.listen;
  if (flags.threads > 0) config.server.threads = flags.threads;
  XASO_RETURN_IF_ERROR(app::ValidateConfig(config));
  return config;
}

Result<std::unique_ptr<app::System>> OpenSystem(const Flags& flags) {
  XASO_ASSIGN_OR_RETURN(app::Config config, BuildConfig(flags));
  return app::System::Open(config);
}

int Fail(const Error& error) {
  std::fprintf(stderr, "xaso: %s\n", error.message.c_str());
  for (const FieldError& field : error.fields) {
    std::fprintf(stderr, "  %s: %s\n", field.field.c_str(), field.message.c_str());
  }
  return error.code == ErrorCode::kInvalidArgument ? 2 : 1;
}

Result<std::string> ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kInvalidArgument, "không đọc được tệp " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace xaso::cli
