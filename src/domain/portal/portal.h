// What the public portal shows about a commune: announcements, documents and the leaders'
// published contacts (Plan 11 item 1.2 asks for the leaders' phones and e-mails).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/audit/audit.h"

namespace xaso::portal {

struct Announcement {
  int64_t id = 0;
  int64_t commune_id = 0;
  std::string title;
  std::string body;
  int64_t published_at = 0;
};

struct Document {
  int64_t id = 0;
  int64_t commune_id = 0;
  std::string number;  // "11/KH-UBND"
  std::string kind;    // "ke_hoach", "quyet_dinh", ...
  std::string title;
  std::string issued_on;  // YYYY-MM-DD
  std::string issuer;
  std::string body;  // Markdown text
};

struct LeaderContact {
  std::string name;
  std::string title;
  std::string phone;
  std::string email;
};

class PortalRepository {
 public:
  virtual ~PortalRepository() = default;
  virtual Result<std::vector<Announcement>> RecentAnnouncements(int64_t commune_id, int limit) = 0;
  virtual Result<std::vector<LeaderContact>> Leaders(int64_t commune_id) = 0;
  virtual Result<std::vector<Document>> ListDocuments(int64_t commune_id) = 0;
  // kNotFound when the commune has no such document.
  virtual Result<Document> GetDocument(int64_t commune_id, int64_t id) = 0;
  virtual Result<int64_t> CreateAnnouncement(const Announcement& a,
                                             const audit::AuditRecord& audit) = 0;
  virtual Result<int64_t> CreateDocument(const Document& d, const audit::AuditRecord& audit) = 0;
};

// Title 1–300 characters, body 1–20,000, valid UTF-8. kInvalidArgument with field errors.
Status ValidateAnnouncement(const Announcement& a);

}  // namespace xaso::portal
