// `xaso dossiers import FILE --commune SLUG [--format csv|json]`: dossiers received online on
// the national or provincial portal, from its export, keeping their codes (issue 5, part 2);
// `xaso dossiers rebuild-stats`: recomputes the kept dossier statistics from the dossiers.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "core/result.h"
#include "app/system.h"
#include "cli/command.h"
#include "cli/common.h"

namespace xaso::cli {
namespace {

class DossiersCommand final : public Command {
 public:
  // xaso::cli::Command
  const char* name() const override { return "dossiers"; }
  const char* help() const override { return "one-stop dossiers: import, statistics"; }

  void Configure(CLI::App& app) override {
    app.require_subcommand(1);
    import_ = app.add_subcommand("import", "receive the dossiers of a portal's export");
    import_->add_option("file", file_, "the export: CSV with a header, or a JSON array")
        ->required();
    // Required: in a province's database a wrong default would file one commune's applicants
    // under another.
    import_->add_option("--commune", commune_, "the commune's slug")->required();
    import_->add_option("--format", format_, "csv or json (default: from the file's name)")
        ->check(CLI::IsMember({"csv", "json"}));
    AddCommonFlags(*import_, flags_);
    rebuild_ = app.add_subcommand("rebuild-stats", "recompute the kept dossier statistics");
    AddCommonFlags(*rebuild_, flags_);
  }

  int Run() override {
    auto sys = OpenSystem(flags_);
    if (!sys) return Fail(sys.error());
    if (rebuild_->parsed()) {
      if (auto done = (*sys)->RebuildDossierStatistics(); !done) return Fail(done.error());
      std::printf("dossier statistics rebuilt\n");
      return 0;
    }
    XASO_CHECK(import_->parsed());
    auto text = ReadTextFile(file_);
    if (!text) return Fail(text.error());
    if (format_.empty()) format_ = file_.ends_with(".json") ? "json" : "csv";
    auto report = (*sys)->ImportDossiers(commune_, *text, *platform::ImportFormatFromName(format_));
    if (!report) return Fail(report.error());
    std::printf("imported %d, already present %d, refused %zu\n", report->imported,
                report->already_present, report->refused.size());
    for (const auto& p : report->refused) {
      std::printf("  line %d: %s\n", p.line, p.message.c_str());
    }
    return report->refused.empty() ? 0 : 1;
  }

 private:
  Flags flags_;
  CLI::App* import_ = nullptr;
  CLI::App* rebuild_ = nullptr;
  std::string file_;
  std::string commune_;
  std::string format_;
};

}  // namespace

std::unique_ptr<Command> MakeDossiersCommand() { return std::make_unique<DossiersCommand>(); }

}  // namespace xaso::cli
