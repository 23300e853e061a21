// `xaso surveys create --commune SLUG (--preset KEY | --questions FILE) --year Y [--title T]
// [--needs-code] [--open] [--codes N]`: a survey set up from the command line, printed as
// "survey ID" and then its new one-time codes, one a line; `xaso surveys responses --commune
// SLUG --id ID`: its responses as CSV (docs/surveys.md). For scripts and the integration tests;
// people use the staff pages (/quan-ly/khao-sat).
#include <cstdio>

#include <CLI/CLI.hpp>

#include "core/result.h"
#include "domain/survey/survey_service.h"
#include "app/system.h"
#include "cli/command.h"
#include "cli/common.h"

namespace xaso::cli {
namespace {

class SurveysCommand final : public Command {
 public:
  // xaso::cli::Command
  const char* name() const override { return "surveys"; }
  const char* help() const override { return "surveys: create one, print its responses"; }

  void Configure(CLI::App& app) override {
    app.require_subcommand(1);
    create_ = app.add_subcommand("create", "create a survey; prints its id and its codes");
    create_->add_option("--commune", commune_, "the commune's slug")->required();
    auto* preset = create_->add_option("--preset", preset_, "a preset: papi, health_station, …");
    auto* questions = create_->add_option("--questions", questions_file_,
                                          "a questionnaire in the preset CSV format instead");
    preset->excludes(questions);
    create_->add_option("--year", year_, "the year the survey measures")->required();
    create_->add_option("--title", title_, "default: the preset's or the file's title");
    create_->add_flag("--needs-code", needs_code_, "one answer per person: needs a one-time code");
    create_->add_flag("--open", open_, "open it for answers at once");
    create_->add_option("--codes", codes_, "mint this many one-time codes")
        ->check(CLI::Range(0, survey::kMaxCodesPerBatch));
    AddCommonFlags(*create_, flags_);
    responses_ = app.add_subcommand("responses", "print a survey's responses as CSV");
    responses_->add_option("--commune", commune_, "the commune's slug")->required();
    responses_->add_option("--id", id_, "the survey's id")->required();
    AddCommonFlags(*responses_, flags_);
  }

  int Run() override {
    auto sys = OpenSystem(flags_);
    if (!sys) return Fail(sys.error());
    if (responses_->parsed()) {
      auto csv = (*sys)->SurveyResponsesCsv(commune_, id_);
      if (!csv) return Fail(csv.error());
      std::fwrite(csv->data(), 1, csv->size(), stdout);
      return 0;
    }
    XASO_CHECK(create_->parsed());
    std::string questions;
    if (!questions_file_.empty()) {
      auto text = ReadTextFile(questions_file_);
      if (!text) return Fail(text.error());
      questions = std::move(*text);
    }
    auto made = (*sys)->CreateSurvey(commune_, preset_, questions, title_, year_, needs_code_,
                                     open_, codes_);
    if (!made) return Fail(made.error());
    std::printf("survey %lld\n", static_cast<long long>(made->survey.id));
    for (const auto& code : made->codes) std::printf("%s\n", code.c_str());
    return 0;
  }

 private:
  Flags flags_;
  CLI::App* create_ = nullptr;
  CLI::App* responses_ = nullptr;
  std::string commune_;
  std::string preset_;
  std::string questions_file_;
  std::string title_;
  int year_ = 0;
  bool needs_code_ = false;
  bool open_ = false;
  int codes_ = 0;
  int64_t id_ = 0;
};

}  // namespace

std::unique_ptr<Command> MakeSurveysCommand() { return std::make_unique<SurveysCommand>(); }

}  // namespace xaso::cli
