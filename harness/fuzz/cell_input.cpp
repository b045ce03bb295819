// Reading a cell recipe off a fuzzer's bytes, and writing one back.
#include "harness/fuzz/cell_input.hpp"

#include "harness/fuzz/byte_source.hpp"

namespace sbcheck::fuzz {

cellseq::Recipe recipeFromBytes(std::span<const std::uint8_t> bytes) {
  ByteSource source(bytes);
  cellseq::Recipe recipe;
  recipe.swarm = source.word();
  while (!source.exhausted() && recipe.choices.size() < kMaxCellChoices) {
    cellseq::Choice choice;
    choice.kind = source.byte();
    choice.pick = source.byte();
    choice.key = source.byte();
    recipe.choices.push_back(choice);
  }
  return recipe;
}

std::vector<std::uint8_t> bytesFromRecipe(const cellseq::Recipe& recipe) {
  std::vector<std::uint8_t> bytes = {static_cast<std::uint8_t>(recipe.swarm & 0xFFu),
                                     static_cast<std::uint8_t>(recipe.swarm >> 8)};
  for (const cellseq::Choice& choice : recipe.choices) bytes.insert(bytes.end(), {choice.kind, choice.pick, choice.key});
  return bytes;
}

}  // namespace sbcheck::fuzz
