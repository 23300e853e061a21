// `xaso papi score --input FILE [--catalog FILE] [--level respondent|aggregate] [--format
// csv|json] [--year YYYY]`: the PAPI scores of each unit by the method of PAPI.md §3 (issue 6,
// part 3). Pure computation over files: it opens no database, and calls the domain's scoring
// engine directly, as `calendar holidays` calls the calendar rules. `papi` is the parent command
// of the PAPI tools: `score` here, the others in papi_<name>_command.cc (papi_subcommands.h).
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "core/csv.h"
#include "core/result.h"
#include "domain/papi/catalogue.h"
#include "domain/papi/indicator_catalogue.h"
#include "domain/papi/score_input.h"
#include "domain/papi/scoring.h"
#include "cli/command.h"
#include "cli/common.h"
#include "cli/papi_subcommands.h"

namespace xaso::cli {
namespace {

using papi::Score;
using papi::ScoringModel;
using papi::UnitScore;

// The latest PAPI wave when this was written; the structure of later years is the same.
constexpr int kDefaultYear = 2024;

// Prefixes the file to a parse error, so "dòng 7, cột upper: …" says which file.
Error InFile(const std::string& path, Error error) {
  error.message = path + ": " + error.message;
  return error;
}

// Four decimals, as the official files publish them.
double Round4(double x) { return std::round(x * 1e4) / 1e4; }

std::string Cell(const std::optional<double>& x) {
  if (!x) return "";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", *x);
  return buffer;
}

nlohmann::ordered_json Json(const std::optional<double>& x) {
  return x ? nlohmann::ordered_json(Round4(*x)) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json Json(const Score& s) {
  nlohmann::ordered_json out;
  out["score"] = Json(s.value);
  if (s.se) {
    out["se"] = Json(s.se);
    out["low"] = Json(s.low());
    out["high"] = Json(s.high());
  }
  return out;
}

class PapiCommand final : public Command {
 public:
  // xaso::cli::Command
  const char* name() const override { return "papi"; }
  const char* help() const override { return "PAPI self-assessment: scoring and ranking"; }

  void Configure(CLI::App& app) override {
    app.require_subcommand(1);
    score_ = app.add_subcommand("score", "per unit: sub-dimension, dimension and total scores");
    score_->add_option("--input", input_, "respondent rows or aggregate values (CSV)")->required();
    score_->add_option("--catalog", catalog_,
                       "indicator catalogue CSV (default: the built-in data/papi/indicators.csv)");
    score_->add_option("--level", level_, "respondent (default) or aggregate")
        ->check(CLI::IsMember({"respondent", "aggregate"}));
    score_->add_option("--format", format_, "csv (default) or json")
        ->check(CLI::IsMember({"csv", "json"}));
    score_->add_option("--year", year_, "survey year: which sub-dimensions apply (default 2024)")
        ->check(CLI::Range(2018, 2200));
    score_
        ->add_option("--replicates", replicates_,
                     "bootstrap replicates for standard errors, respondent level (0 = none)")
        ->check(CLI::Range(0, 100000));
    score_->add_option("--seed", seed_, "bootstrap seed");
    subcommands_.push_back(AddPapiRankCommand(app));
    subcommands_.push_back(AddPapiBenchmarkCommand(app));
  }

  int Run() override {
    if (score_->parsed()) return RunScore();
    for (const PapiSubcommand& s : subcommands_) {
      if (s.app->parsed()) return s.run();
    }
    XASO_CHECK(false);  // require_subcommand(1) made the parse choose one
    return 1;
  }

 private:
  Result<papi::IndicatorCatalogue> LoadCatalogue() const {
    if (catalog_.empty()) return papi::IndicatorCatalogue::Default();
    XASO_ASSIGN_OR_RETURN(std::string text, ReadTextFile(catalog_));
    auto parsed = papi::IndicatorCatalogue::Parse(text, papi::Catalogue::Default());
    if (!parsed) return InFile(catalog_, std::move(parsed).error());
    return parsed;
  }

  Result<std::vector<UnitScore>> ScoreInput(const ScoringModel& model) const {
    XASO_ASSIGN_OR_RETURN(std::string text, ReadTextFile(input_));
    Result<std::vector<UnitScore>> scored = [&]() -> Result<std::vector<UnitScore>> {
      if (level_ == "aggregate") {
        XASO_ASSIGN_OR_RETURN(std::vector<papi::AggregateValue> values,
                              papi::ParseAggregateCsv(text));
        return papi::ScoreAggregates(model, values);
      }
      XASO_ASSIGN_OR_RETURN(papi::RespondentTable table, papi::ParseRespondentCsv(text));
      return papi::ScoreRespondents(model, table, {replicates_, seed_});
    }();
    if (!scored) return InFile(input_, std::move(scored).error());
    return scored;
  }

  int RunScore() {
    auto catalogue = LoadCatalogue();
    if (!catalogue) return Fail(catalogue.error());
    const ScoringModel model(*catalogue, papi::Catalogue::Default(), year_);
    auto units = ScoreInput(model);
    if (!units) return Fail(units.error());
    if (format_ == "json") {
      PrintJson(model, *units);
    } else {
      PrintCsv(model, *units);
    }
    return 0;
  }

  // One row per unit: unit, each sub-dimension, D1…D8, total; with standard errors, a
  // "<column>_se" column after each.
  void PrintCsv(const ScoringModel& model, const std::vector<UnitScore>& units) const {
    const bool with_se = level_ == "respondent" && replicates_ > 0;
    std::vector<std::string> header = {"unit"};
    auto add = [&](const std::string& column) {
      header.push_back(column);
      if (with_se) header.push_back(column + "_se");
    };
    for (const papi::SubDimension* s : model.subdimensions()) add(s->code);
    for (const papi::Dimension* d : model.dimensions()) add("D" + std::to_string(d->number));
    add("total");
    std::string out;
    for (size_t i = 0; i < header.size(); ++i) out += (i ? "," : "") + header[i];
    out += '\n';
    for (const UnitScore& u : units) {
      out += CsvEscape(u.unit);
      auto cell = [&](const Score& s) {
        out += ',' + Cell(s.value);
        if (with_se) out += ',' + Cell(s.se);
      };
      for (const Score& s : u.subdimensions) cell(s);
      for (const Score& s : u.dimensions) cell(s);
      cell(u.total);
      out += '\n';
    }
    std::fputs(out.c_str(), stdout);
  }

  void PrintJson(const ScoringModel& model, const std::vector<UnitScore>& units) const {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const UnitScore& u : units) {
      nlohmann::ordered_json unit;
      unit["unit"] = u.unit;
      unit["year"] = model.year();
      nlohmann::ordered_json subs = nlohmann::ordered_json::object();
      for (size_t s = 0; s < u.subdimensions.size(); ++s) {
        subs[model.subdimensions()[s]->code] = Json(u.subdimensions[s]);
      }
      nlohmann::ordered_json dims = nlohmann::ordered_json::object();
      for (size_t d = 0; d < u.dimensions.size(); ++d) {
        dims[std::to_string(model.dimensions()[d]->number)] = Json(u.dimensions[d]);
      }
      unit["subdimensions"] = std::move(subs);
      unit["dimensions"] = std::move(dims);
      unit["total"] = Json(u.total);
      out.push_back(std::move(unit));
    }
    std::printf("%s\n", out.dump(2).c_str());
  }

  CLI::App* score_ = nullptr;
  std::vector<PapiSubcommand> subcommands_;
  std::string input_;
  std::string catalog_;
  std::string level_ = "respondent";
  std::string format_ = "csv";
  int year_ = kDefaultYear;
  int replicates_ = papi::kDefaultReplicates;
  uint64_t seed_ = 1;
};

}  // namespace

std::unique_ptr<Command> MakePapiCommand() { return std::make_unique<PapiCommand>(); }

}  // namespace xaso::cli
