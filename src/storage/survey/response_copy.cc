#include "storage/survey/response_copy.h"

#include <charconv>
#include <string>

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>

#include "storage/survey/survey_definition.h"

namespace xaso::storage {
namespace {

constexpr size_t kChunkBytes = 1 << 20;

// COPY's text format: a backslash, tab, newline or carriage return in a value is escaped.
void AppendCopyText(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
}

void AppendNumber(std::string& out, auto value) {
  char digits[32];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, end);
}

[[noreturn]] void Fail(const std::string& message) {
  throw soci::soci_error("COPY survey_response: " + message);
}

// The server's one-line message of a failed result.
std::string MessageOf(const PGresult* res, PGconn* conn) {
  const char* primary = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
  return primary != nullptr ? primary : PQerrorMessage(conn);
}

// The results of the finished COPY; throws for the first that is not a success.
void FinishCopy(PGconn* conn) {
  std::string message;
  while (PGresult* res = PQgetResult(conn)) {
    if (message.empty() && PQresultStatus(res) != PGRES_COMMAND_OK) {
      message = MessageOf(res, conn);
    }
    PQclear(res);
  }
  if (!message.empty()) Fail(message);
}

}  // namespace

void CopyResponses(soci::session& s, long long survey_id, long long commune_id,
                   std::span<const survey::Response> responses) {
  PGconn* conn = static_cast<soci::postgresql_session_backend*>(s.get_backend())->conn_;
  PGresult* start = PQexec(conn,
                           "COPY survey_response (survey_id, commune_id, channel, submitted_at, "
                           "weight, answers) FROM STDIN");
  const bool copying = PQresultStatus(start) == PGRES_COPY_IN;
  const std::string refused = copying ? "" : MessageOf(start, conn);
  PQclear(start);
  if (!copying) Fail(refused);
  std::string prefix;
  AppendNumber(prefix, survey_id);
  prefix += '\t';
  AppendNumber(prefix, commune_id);
  prefix += '\t';
  std::string chunk;
  chunk.reserve(kChunkBytes + 4096);
  auto send = [&]() {
    if (PQputCopyData(conn, chunk.data(), static_cast<int>(chunk.size())) != 1) {
      const std::string lost = PQerrorMessage(conn);
      PQputCopyEnd(conn, "client failed");
      FinishCopy(conn);
      Fail(lost);
    }
    chunk.clear();
  };
  for (const survey::Response& r : responses) {
    chunk += prefix;
    AppendCopyText(chunk, survey::ChannelCode(r.channel));
    chunk += '\t';
    AppendNumber(chunk, static_cast<long long>(r.submitted_at));
    chunk += '\t';
    AppendNumber(chunk, r.weight);
    chunk += '\t';
    AppendCopyText(chunk, AnswersJson(r.answers));
    chunk += '\n';
    if (chunk.size() >= kChunkBytes) send();
  }
  if (!chunk.empty()) send();
  if (PQputCopyEnd(conn, nullptr) != 1) Fail(PQerrorMessage(conn));
  FinishCopy(conn);
}

}  // namespace xaso::storage
