// A fuzzer's input read as a stream of small choices: the bytes a coverage-
// guided fuzzer mutates become the numbers a decoder picks with, so a
// mutation of one byte changes one choice (libFuzzer's FuzzedDataProvider
// idea, kept to what the decoders need).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace sbcheck::fuzz {

class ByteSource {
 public:
  explicit ByteSource(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}

  /// The next byte; 0 once the input is used up, so every input, however
  /// short, decodes to something (and a decoder stops on `exhausted`).
  std::uint8_t byte();
  /// A choice of 0 .. n-1 (n ≥ 1) from one byte, or two when n > 256.
  std::size_t pick(std::size_t n);
  /// The next two bytes, little-endian.
  std::uint16_t word();
  bool coin() { return (byte() & 1u) != 0; }
  bool exhausted() const { return next_ >= bytes_.size(); }

 private:
  std::span<const std::uint8_t> bytes_;
  std::size_t next_ = 0;
};

}  // namespace sbcheck::fuzz
