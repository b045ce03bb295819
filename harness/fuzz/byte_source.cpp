// Reading choices off a fuzzer's bytes.
#include "harness/fuzz/byte_source.hpp"

#include <cassert>

namespace sbcheck::fuzz {

std::uint8_t ByteSource::byte() { return exhausted() ? 0 : bytes_[next_++]; }

std::uint16_t ByteSource::word() {
  const std::uint16_t low = byte();
  return static_cast<std::uint16_t>(low | (byte() << 8));
}

std::size_t ByteSource::pick(std::size_t n) {
  assert(n >= 1 && "a choice needs at least one option");
  // One byte for small choices keeps a byte a choice (mutations stay local).
  return (n <= 256 ? byte() : word()) % n;
}

}  // namespace sbcheck::fuzz
