// What the subcommands share: the flags that select configuration and database, the System
// they open from them, and how an Error becomes a message on stderr and an exit code.
#pragma once

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "core/result.h"
#include "app/config.h"
#include "app/system.h"

namespace xaso::cli {

// The command-line layer of the configuration. Empty or zero means "not given": the value from
// the file, the environment or the default stands (see app/config.h for the precedence).
struct Flags {
  std::string config_file;
  std::string db;
  std::string listen;
  int threads = 0;
};

// Adds --config and --db to `app`, bound to `flags`, which must outlive the parse.
void AddCommonFlags(CLI::App& app, Flags& flags);

// The defaults, overridden by the file named in --config, then by the XASO_* environment, then
// by the flags. kInvalidArgument, from app::LoadConfigFile, app::ApplyEnvironment or
// app::ValidateConfig, for an unreadable file or a bad value.
Result<app::Config> BuildConfig(const Flags& flags);

// BuildConfig, then app::System::Open: also kInvalidArgument for a bad database URL and
// kUnavailable when the database cannot be reached.
Result<std::unique_ptr<app::System>> OpenSystem(const Flags& flags);

// Prints "xaso: MESSAGE" and one indented line per field error to stderr. Returns the exit
// code: 2 for kInvalidArgument (the user can fix the command line), 1 for anything else.
int Fail(const Error& error);

// The whole of the file at `path`, as bytes; kInvalidArgument naming it when it cannot be read.
Result<std::string> ReadTextFile(const std::string& path);

}  // namespace xaso::cli
