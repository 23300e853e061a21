// Plans and their tasks (PRODUCT.md part 1): what each unit of the commune must do for each
// PAPI dimension, by when, and how far it has got.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace xaso::plan {

enum class TaskStatus { kNotStarted, kInProgress, kDone };
// A task is one-off (kNone, with a deadline) or recurs within its plan's year: its current
// deadline is then the end of the period (quarter, half-year, year) that contains the day.
enum class Recurrence { kNone, kQuarterly, kHalfYearly, kYearly, kOngoing };

std::string_view StatusCode(TaskStatus s);
std::optional<TaskStatus> StatusFromCode(std::string_view code);
std::string_view RecurrenceCode(Recurrence r);
std::optional<Recurrence> RecurrenceFromCode(std::string_view code);

struct Plan {
  int64_t id = 0;
  int64_t commune_id = 0;
  int year = 0;
  std::string number;  // "11/KH-UBND"
  Date issued_on;
  std::string title;
  std::string goal;
  std::optional<int64_t> document_id;
};

struct Task {
  int64_t id = 0;
  int64_t commune_id = 0;
  int64_t plan_id = 0;
  int plan_year = 0;  // read with the task; recurring deadlines fall within this year
  std::optional<int64_t> parent_id;
  std::string section;  // "II.1.3"
  std::string title;
  std::string description;
  int dimension = 0;                       // PAPI dimension 1–8
  std::vector<std::string> subdimensions;  // "2.2", "2.3"
  int64_t lead_unit_id = 0;
  std::vector<int64_t> coordinating_unit_ids;
  Date starts_on;
  std::optional<Date> due_on;  // set exactly when recurrence is kNone
  Recurrence recurrence = Recurrence::kNone;
  TaskStatus status = TaskStatus::kNotStarted;
  int progress = 0;  // percent
  std::optional<Date> last_done_on;
  std::optional<Date> done_on;
  int64_t version = 1;
  int64_t updated_at = 0;
};

// A progress report on a task: the new status and percentage, an optional note. `version` is
// the task version the editor saw; a stale one is refused (kAborted → HTTP 409).
struct ProgressUpdate {
  int64_t task_id = 0;
  int64_t version = 0;
  TaskStatus status = TaskStatus::kNotStarted;
  int progress = 0;
  std::string note;
  Date today;  // the day of the report, for done_on and last_done_on
};

enum class EventKind { kCreate, kEdit, kProgress, kComment, kEvidence };
std::string_view EventKindCode(EventKind k);
std::optional<EventKind> EventKindFromCode(std::string_view code);

struct TaskEvent {
  int64_t id = 0;
  int64_t task_id = 0;
  int64_t at = 0;
  int64_t actor_id = 0;
  std::string actor_name;
  EventKind kind = EventKind::kComment;
  std::string status;  // after a progress report
  std::optional<int> progress;
  std::string body;
};

struct Evidence {
  int64_t id = 0;
  int64_t commune_id = 0;
  int64_t task_id = 0;
  std::string sha256;
  std::string filename;
  std::string content_type;
  int64_t size = 0;
  bool is_public = false;
  int64_t uploaded_by = 0;
  int64_t uploaded_at = 0;
};

// Checks a new plan: number (e.g. "11/KH-UBND"), title, year 1990–2200, issue date.
Status ValidatePlan(const Plan& plan);

// Checks a new or edited task: title and description lengths, dimension 1–8, deadline not
// before the start, a deadline exactly for one-off tasks, progress 0–100 and consistent with
// the status. Sub-dimension codes and units are checked by the caller, which knows them.
Status ValidateTask(const Task& task);
// Progress 0–100; "done" means 100 and 100 means "done"; "not started" means 0.
Status ValidateProgress(const ProgressUpdate& update);

// What an edit changes, in Vietnamese, one "field: old → new" per changed field ("hạn hoàn
// thành: 04/07/2024 → 15/07/2024; lĩnh vực: 2 → 3"); "không đổi" when nothing changed.
// Units are named by id: the caller may not know their names.
std::string DescribeChanges(const Task& before, const Task& after);

}  // namespace xaso::plan
