// Adapters over libsodium: password hashing (argon2id), random tokens and SHA-256. Used by
// storage, web and app; the domain sees only the PasswordHasher port.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/identity/password_hasher.h"

namespace xaso::platform {

// Must be called once before any other function here; returns false if libsodium fails.
bool InitCrypto();

// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

// Lower-case hex HMAC-SHA-256 of `data` under `key` (any length): a pseudonym that cannot be
// reversed by hashing every IPv4 address without the key.
std::string HmacSha256Hex(std::string_view key, std::string_view data);

// `bytes` random bytes as unpadded base64url text.
std::string RandomToken(size_t bytes = 32);
// `n` random bytes.
std::string RandomBytes(size_t n);

// Standard base64 with padding, for binary data kept in TEXT columns.
std::string Base64Encode(std::string_view bytes);
// The bytes of standard base64 text; nullopt when the text is not valid base64.
std::optional<std::string> Base64Decode(std::string_view text);

// Constant-time comparison of two strings of any length.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// argon2id with libsodium's interactive limits (64 MiB, 2 passes), the recommended setting
// for sign-in on a small server. Tests construct it with the minimum limits to stay fast.
class SodiumPasswordHasher final : public identity::PasswordHasher {
 public:
  enum class Strength { kInteractive, kMinimumForTests };
  explicit SodiumPasswordHasher(Strength strength = Strength::kInteractive) : strength_(strength) {}
  std::string Hash(std::string_view password) const override;
  bool Verify(std::string_view hash, std::string_view password) const override;

 private:
  Strength strength_;
};

}  // namespace xaso::platform
