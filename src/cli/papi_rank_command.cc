// `xaso papi rank --input FILE [--format csv|json]`: ranks units (communes, provinces) by their
// PAPI scores: reads a table of sub-dimension scores (papi::ParseScoreTable, format in
// data/papi/README.md), derives the dimensions and the aggregate, and prints for each unit every
// score with its rank and quartile group (PAPI.md §3.3, ADR 0011) among the units of its year.
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "core/csv.h"
#include "core/result.h"
#include "domain/papi/catalogue.h"
#include "domain/papi/csv_problems.h"
#include "domain/papi/ranking.h"
#include "domain/papi/score_table.h"
#include "cli/common.h"
#include "cli/papi_subcommands.h"

namespace xaso::cli {
namespace {

struct RankOptions {
  std::string input;
  std::string format = "csv";
};

// score,rank,group for CSV: blank cells for a blank score.
std::string CsvCells(const std::optional<double>& score, const std::optional<papi::Placement>& p) {
  if (!score || !p) return ",,";
  return papi::Format4(*score) + "," + std::to_string(p->rank) + "," +
         std::string(papi::GroupCode(p->group));
}

void PrintCsv(const std::vector<papi::ScoreRow>& rows, const std::vector<papi::RankedRow>& ranked) {
  std::string out = "unit,year,aggregate,aggregate_rank,aggregate_group";
  for (int d = 1; d <= papi::kDimensionCount; ++d) {
    const std::string n = "d" + std::to_string(d);
    out.append(",").append(n).append(",").append(n).append("_rank,").append(n).append("_group");
  }
  out += "\n";
  for (size_t i = 0; i < rows.size(); ++i) {
    const papi::ScoreRow& row = rows[i];
    out += CsvEscape(row.unit);
    out += ',';
    if (row.year != 0) out += std::to_string(row.year);
    out += ',';
    out += CsvCells(row.aggregate, ranked[i].aggregate);
    for (size_t d = 0; d < papi::kDimensionCount; ++d) {
      out += ',';
      out += CsvCells(row.dimensions[d], ranked[i].dimensions[d]);
    }
    out += "\n";
  }
  std::fputs(out.c_str(), stdout);
}

// {"score", "rank", "of", "group", "group_vi"}; score null and no rank for a blank score.
nlohmann::json JsonMeasure(const std::optional<double>& score,
                           const std::optional<papi::Placement>& p) {
  nlohmann::json j = nlohmann::json::object();
  if (!score || !p) {
    j["score"] = nullptr;
    return j;
  }
  // Published scores have 4 decimals; this keeps the sums' last-bit noise out of the output.
  j["score"] = std::round(*score * 1e4) / 1e4;
  j["rank"] = p->rank;
  j["of"] = p->ranked;
  j["group"] = papi::GroupCode(p->group);
  j["group_vi"] = papi::GroupNameVi(p->group);
  return j;
}

void PrintJson(const std::vector<papi::ScoreRow>& rows,
               const std::vector<papi::RankedRow>& ranked) {
  nlohmann::json units = nlohmann::json::array();
  for (size_t i = 0; i < rows.size(); ++i) {
    const papi::ScoreRow& row = rows[i];
    nlohmann::json unit = {{"unit", row.unit}};
    unit["year"] = row.year != 0 ? nlohmann::json(row.year) : nlohmann::json(nullptr);
    unit["aggregate"] = JsonMeasure(row.aggregate, ranked[i].aggregate);
    nlohmann::json dimensions = nlohmann::json::array();
    for (size_t d = 0; d < papi::kDimensionCount; ++d) {
      nlohmann::json m = JsonMeasure(row.dimensions[d], ranked[i].dimensions[d]);
      m["dimension"] = d + 1;
      dimensions.push_back(std::move(m));
    }
    unit["dimensions"] = std::move(dimensions);
    units.push_back(std::move(unit));
  }
  std::printf("%s\n", units.dump(2).c_str());
}

int RunRank(const RankOptions& options) {
  auto rows = ReadScoreTable(options.input, papi::ScoreTableKind::kUnits);
  if (!rows) return Fail(rows.error());
  const std::vector<papi::RankedRow> ranked = papi::RankByYear(*rows);
  if (options.format == "json") {
    PrintJson(*rows, ranked);
  } else {
    PrintCsv(*rows, ranked);
  }
  return 0;
}

}  // namespace

Result<std::vector<papi::ScoreRow>> ReadScoreTable(const std::string& path,
                                                   papi::ScoreTableKind kind) {
  XASO_ASSIGN_OR_RETURN(std::string text, ReadTextFile(path));
  Result<std::vector<papi::ScoreRow>> rows =
      papi::ParseScoreTable(text, papi::Catalogue::Default(), kind);
  if (!rows) {
    Error error = std::move(rows).error();
    error.message = path + ": " + error.message;
    return error;
  }
  return rows;
}

PapiSubcommand AddPapiRankCommand(CLI::App& papi) {
  auto options = std::make_shared<RankOptions>();
  CLI::App* rank = papi.add_subcommand(
      "rank", "rank units by their sub-dimension scores: dimensions, aggregate, quartile groups");
  rank->add_option("--input", options->input,
                   "CSV: a unit (or province) column, an optional year, sub-dimension columns")
      ->required();
  rank->add_option("--format", options->format, "csv (default) or json")
      ->check(CLI::IsMember({"csv", "json"}));
  return {rank, [options] { return RunRank(*options); }};
}

}  // namespace xaso::cli
