// The fixture of the storage suites: a fresh, migrated database per test on each back-end
// (SQLite always; PostgreSQL when XASO_TEST_PG_URL names a server, each test in a database of
// its own) with one commune, Nhật Tân. Suites derive from StorageTest and instantiate
// themselves over ::testing::Values("sqlite", "postgresql").
#pragma once

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "domain/identity/identity.h"
#include "platform/crypto.h"
#include "storage/database.h"
#include "storage/migrator.h"

namespace xaso::storage::testing {

inline std::string PgUrl() {
  const char* u = std::getenv("XASO_TEST_PG_URL");
  return u ? u : "";
}

class StorageTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(platform::InitCrypto());
    std::string url;
    if (GetParam() == "sqlite") {
      path_ =
          ::testing::TempDir() + "xaso_storage_" + std::to_string(std::random_device{}()) + ".db";
      url = "sqlite:" + path_;
    } else {
      if (PgUrl().empty()) GTEST_SKIP() << "XASO_TEST_PG_URL not set";
      pg_name_ = "xaso_t" + std::to_string(std::random_device{}());
      auto admin = Database::Open(PgUrl(), 1);
      ASSERT_TRUE(admin.has_value()) << admin.error().message;
      ASSERT_TRUE((*admin)
                      ->Read([&](soci::session& s) -> Status {
                        s << "CREATE DATABASE " + pg_name_;
                        return Ok{};
                      })
                      .has_value());
      url = PgUrl().substr(0, PgUrl().rfind('/') + 1) + pg_name_;
    }
    auto db = Database::Open(url, 2);
    ASSERT_TRUE(db.has_value()) << db.error().message;
    db_ = std::move(*db);
    auto m = Migrate(*db_);
    ASSERT_TRUE(m.has_value()) << m.error().message;
    ASSERT_TRUE(
        db_->Write([this](soci::session& s) -> Status {
             s << "INSERT INTO commune (slug, name, province, level_above, created_at) VALUES "
                  "('nhat-tan', 'Xã Nhật Tân', 'Hưng Yên', 'UBND tỉnh Hưng Yên', 0)";
             s << "SELECT id FROM commune WHERE slug = 'nhat-tan'", soci::into(commune_id_);
             return Ok{};
           })
            .has_value());
  }
  void TearDown() override {
    db_.reset();
    if (!path_.empty()) {
      std::remove(path_.c_str());
      std::remove((path_ + "-wal").c_str());
      std::remove((path_ + "-shm").c_str());
    }
    if (!pg_name_.empty()) {
      auto admin = Database::Open(PgUrl(), 1);
      if (admin) {
        (void)(*admin)->Read([&](soci::session& s) -> Status {
          s << "DROP DATABASE IF EXISTS " + pg_name_;
          return Ok{};
        });
      }
    }
  }

  // The number a `SELECT COUNT(*) …` (or any one-integer query) returns; -1 when it fails.
  long long Count(const std::string& sql) {
    long long n = -1;
    EXPECT_TRUE(db_->Read([&](soci::session& s) -> Status {
                     s << sql, soci::into(n);
                     return Ok{};
                   })
                    .has_value());
    return n;
  }

  // A second commune, Xã Khác, for tests of what one commune must not see of another; its id.
  long long AddOtherCommune() {
    long long id = 0;
    EXPECT_TRUE(db_->Write([&](soci::session& s) -> Status {
                     s << "INSERT INTO commune (slug, name, province, level_above, created_at) "
                          "VALUES ('xa-khac', 'Xã Khác', 'Hưng Yên', 'UBND tỉnh Hưng Yên', 0)";
                     s << "SELECT id FROM commune WHERE slug = 'xa-khac'", soci::into(id);
                     return Ok{};
                   })
                    .has_value());
    return id;
  }

  identity::Account MakeAccount(const std::string& username, identity::Role role) {
    identity::Account a;
    a.commune_id = commune_id_;
    a.username = username;
    a.display_name = "Nguyễn Văn A";
    a.role = role;
    a.password_hash = "h";
    return a;
  }

  std::unique_ptr<Database> db_;
  long long commune_id_ = 0;
  std::string path_, pg_name_;
};

}  // namespace xaso::storage::testing
