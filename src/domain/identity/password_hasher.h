// The port through which the identity domain hashes and checks passwords.
#pragma once

#include <string>
#include <string_view>

namespace xaso::identity {

class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  // Returns an encoded hash that carries its own algorithm and salt.
  virtual std::string Hash(std::string_view password) const = 0;
  virtual bool Verify(std::string_view hash, std::string_view password) const = 0;
};

}  // namespace xaso::identity
