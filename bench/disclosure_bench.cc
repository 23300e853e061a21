// disclosure_bench: the register's compliance target (issue 7, docs/performance.md):
// disclosure::CheckCommune for 100 communes × 5 years in under 100 ms, in memory, on one core.
// Each commune-year has about 40 items of the built-in types (every budget quarter, the
// quarterly log, decisions spread over the year), each with its portal posting, a notice board,
// one or two village houses and radio where the type asks for it; a few are late, short or
// missing so that every flag is computed. The national calendar is the one the migrations seed
// (an in-memory SQLite database). Best and median of 5 runs after a warm-up; asserts nothing.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "bench_pages.h"
#include "domain/disclosure/compliance.h"
#include "storage/calendar/sql_calendar_repository.h"
#include "storage/database.h"
#include "storage/migrator.h"

namespace xaso::bench {
namespace {

constexpr int kCommunes = 100;
constexpr int kYears = 5;
constexpr int kFirstYear = 2024;  // Luật THDCCS types start on 01/07/2023
constexpr int kDecisionItems = 32;  // + 4 budget quarters and 4 quarterly logs
constexpr int kRuns = 5;

using Clock = std::chrono::steady_clock;

double MsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

disclosure::Posting Spell(int64_t& next_id, disclosure::Channel c, Date start, int days,
                          int64_t village = 0) {
  disclosure::Posting p;
  p.id = next_id++;
  p.channel = c;
  p.village_id = village;
  p.started_on = start;
  if (days > 0) p.until = start.AddDays(days - 1);
  return p;
}

// Postings of an item that went out `delay` days after `ref`; `short_by` trims the board.
void PostItem(disclosure::Item& item, const disclosure::DisclosureType& type, Date ref, int delay,
              int short_by, int64_t& next_id) {
  using disclosure::Channel;
  const Date out = ref.AddDays(delay);
  const int days = type.permanent ? 0 : type.posting_days - short_by;
  item.postings.push_back(Spell(next_id, Channel::kPortal, out, 0));
  item.postings.push_back(Spell(next_id, Channel::kNoticeBoard, out, days));
  item.postings.push_back(Spell(next_id, Channel::kVillageHouse, out.AddDays(1), days, 1));
  if (item.id % 2 == 0) {
    item.postings.push_back(Spell(next_id, Channel::kVillageHouse, out.AddDays(2), days, 2));
  }
  if (type.radio_days > 0 && item.id % 7 != 0) {
    item.postings.push_back(Spell(next_id, Channel::kRadio, out, type.radio_days));
  }
}

std::vector<disclosure::Item> CommuneItems(int commune, std::mt19937_64& rng) {
  using disclosure::Item;
  const disclosure::TypeCatalogue& cat = disclosure::DefaultCatalogue();
  std::vector<Item> items;
  int64_t next_id = 1;
  int64_t next_posting = 1;
  auto add = [&](const std::string& code, int year, Date ref, const std::string& period) {
    const disclosure::DisclosureType* type = cat.Find(code, ref);
    if (!type) return;
    Item item;
    item.id = next_id++;
    item.commune_id = commune;
    item.type_code = code;
    item.type_effective_from = type->effective_from;
    item.title = code;
    item.year = year;
    item.period_key = period;
    if (period.empty()) item.decision_on = ref;
    item.status = disclosure::ItemStatus::kPublished;
    const int delay = static_cast<int>(rng() % 10);     // some past 5 working days
    const int short_by = rng() % 20 == 0 ? 5 : 0;       // one in twenty posted too briefly
    if (rng() % 50 != 0) PostItem(item, *type, ref, delay, short_by, next_posting);
    items.push_back(std::move(item));
  };
  std::vector<std::string> decision_types;
  for (const disclosure::DisclosureType* t : cat.InForce(Date::FromYmd(2024, 1, 1))) {
    if (t->recurrence == disclosure::Recurrence::kNone) decision_types.push_back(t->code);
  }
  for (int year = kFirstYear; year < kFirstYear + kYears; ++year) {
    for (int q = 1; q <= 4; ++q) {
      if (rng() % 30 == 0) continue;  // a missing quarter now and then
      const std::string key = std::to_string(year) + "-Q" + std::to_string(q);
      const Date last = Date::FromYmd(year, q * 3, DaysInMonth(year, q * 3));
      add("budget_execution", year, last, key);
      add("disclosure_log", year, last, key);
    }
    for (int j = 0; j < kDecisionItems; ++j) {
      const Date day = Date::FromYmd(year, 1, 2).AddDays(static_cast<long>(rng() % 360));
      add(decision_types[rng() % decision_types.size()], year, day, "");
    }
  }
  return items;
}

Status Run() {
  XASO_ASSIGN_OR_RETURN(auto db, storage::Database::Open("sqlite::memory:", 1));
  XASO_RETURN_IF_ERROR(storage::Migrate(*db));
  storage::SqlCalendarRepository calendars(*db);
  XASO_ASSIGN_OR_RETURN(auto rules, calendars.LoadHolidayRules());
  XASO_ASSIGN_OR_RETURN(auto overrides, calendars.LoadOverrides(0));
  const calendar::LegalCalendar cal(std::move(rules), std::move(overrides));

  std::mt19937_64 rng(20260701);
  std::vector<std::vector<disclosure::Item>> communes;
  size_t items = 0;
  size_t postings = 0;
  for (int c = 1; c <= kCommunes; ++c) {
    communes.push_back(CommuneItems(c, rng));
    items += communes.back().size();
    for (const auto& i : communes.back()) postings += i.postings.size();
  }
  const Date today = Date::FromYmd(kFirstYear + kYears, 3, 1);
  std::printf("disclosure_bench: %d communes x %d years, %zu items, %zu postings\n", kCommunes,
              kYears, items, postings);

  std::vector<double> ms;
  size_t flagged = 0;
  size_t missing = 0;
  for (int run = 0; run <= kRuns; ++run) {
    flagged = 0;
    missing = 0;
    const auto start = Clock::now();
    for (const auto& commune : communes) {
      for (int year = kFirstYear; year < kFirstYear + kYears; ++year) {
        const disclosure::CommuneCompliance c =
            disclosure::CheckCommune(commune, disclosure::DefaultCatalogue(), cal, year, today);
        flagged += static_cast<size_t>(c.with_flags);
        missing += c.missing.size();
      }
    }
    if (run > 0) ms.push_back(MsSince(start));
  }
  std::sort(ms.begin(), ms.end());
  std::printf(
      "CheckCommune x %d (every commune-year), %d runs: min %.1f, median %.1f, max %.1f ms "
      "(%zu with flags, %zu missing periods)\n",
      kCommunes * kYears, kRuns, ms.front(), ms[ms.size() / 2], ms.back(), flagged, missing);
  return Ok{};
}

}  // namespace
}  // namespace xaso::bench

int main() {  // NOLINT(bugprone-exception-escape)
  return xaso::bench::ExitCode("disclosure_bench", xaso::bench::Run());
}
