// Leading indicators (issue 6, item 6): shares computed from the platform's own records
// (dossiers, feedback, plan tasks), each mapped to the PAPI sub-dimension it is a proxy for.
// They move before the next survey does, but they are not PAPI scores: every one carries a note
// saying so. The mapping is data (data/papi/leading_indicators.csv); the counts come from the
// callers, which read the kept statistics.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/papi/catalogue.h"

namespace xaso::papi {

// What every leading indicator is labelled with.
inline constexpr std::string_view kProxyNote = "chỉ báo gần đúng, không phải điểm PAPI";

// The counts the platform can produce; a mapping row must name one of these.
inline constexpr std::string_view kDossierOnTime = "dossier_on_time";
inline constexpr std::string_view kDossierSatisfied = "dossier_satisfied";
inline constexpr std::string_view kFeedbackOnTime = "feedback_on_time";
inline constexpr std::string_view kPlanTaskOnTime = "plan_task_on_time";
inline constexpr std::string_view kDisclosureOnTime = "disclosure_on_time";

// One row of leading_indicators.csv.
struct LeadingMapping {
  std::string code;
  std::string subdimension;  // a code of the catalogue
  std::string label_vi;
  std::string label_en;
  std::string source;  // how it is counted and why it proxies that sub-dimension
};

// The mapping compiled into the binary, parsed on first use (a parse failure aborts: the
// embedded file is part of the build, and leading_indicators_test.cc parses it).
const std::vector<LeadingMapping>& DefaultLeadingMappings();

// Parses the mapping (columns code,subdimension,label_vi,label_en,source; format in
// data/papi/README.md). kInvalidArgument naming the line and column when a code is unknown or
// repeated, a sub-dimension is not in `catalogue`, or a label is empty.
Result<std::vector<LeadingMapping>> ParseLeadingMappings(std::string_view csv,
                                                         const Catalogue& catalogue);

struct Ratio {
  int64_t numerator = 0;
  int64_t denominator = 0;
};

struct LeadingIndicator {
  std::string code;
  std::string label_vi;
  std::string label_en;
  std::string subdimension;
  int64_t numerator = 0;
  int64_t denominator = 0;
  std::optional<double> share;  // nullopt when the denominator is 0: nothing to measure
  std::string_view note = kProxyNote;
};

// A one-off plan task as the plan-task count needs it: its effective deadline (plan::Evaluate,
// moved off days off) and whether and when it was reported done. A disclosure item is counted
// the same way: its deadline, and the day it first went out on any channel as the day done.
struct TaskOutcome {
  Date due;
  bool done = false;
  std::optional<Date> done_on;
};

// Plan tasks done on time over the tasks due, for deadlines in the months `from_month` to
// `to_month` ("YYYY-MM", both included). A task counts once it is decided: done, or its deadline
// has passed on `today`; one due later and not yet done is neither on time nor late. On time:
// done on or before the deadline.
Ratio CountTasksOnTime(const std::vector<TaskOutcome>& tasks, std::string_view from_month,
                       std::string_view to_month, Date today);

// One indicator per mapping row, in the mapping's order; a code without counts in `counts`
// gets 0 ÷ 0.
std::vector<LeadingIndicator> ComputeLeadingIndicators(const std::vector<LeadingMapping>& mappings,
                                                       const std::map<std::string, Ratio>& counts);

}  // namespace xaso::papi
