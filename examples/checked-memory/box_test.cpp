// Box checked by the SB2 model through the installed package: the sound box
// is clean, the planted bug (a write while a leak lives) and a use after free
// are undefined behaviour, each with the model's report and a replayable trace.
#include <gtest/gtest.h>
#include <sbcheck/checked_memory.hpp>
#include <sbcheck/gtest.hpp>

#include <variant>

#include "box.hpp"

TEST(Box, LeaksBlockWritesAndNothingIsUndefined) {
  sbcheck::CheckedMemory memory;
  Box box(memory);
  ASSERT_TRUE(std::holds_alternative<sbcheck::Done>(box.set(7)));
  const auto leaked = box.leak();
  ASSERT_TRUE(leaked);
  EXPECT_TRUE(std::holds_alternative<sbcheck::Refusal>(box.set(8)));  // refused: the leak lives
  EXPECT_EQ(std::get<int>(box.read(*leaked)), 7);
  box.giveBack();
  EXPECT_TRUE(std::holds_alternative<sbcheck::Done>(box.set(9)));
  EXPECT_TRUE(box.free());
  EXPECT_TRUE(sbcheck::testing::noUb(memory));
}

TEST(Box, AWriteWhileALeakLivesIsUndefinedAtTheNextRead) {
  sbcheck::CheckedMemory memory;
  Box box(memory, /*checkLeaks=*/false);
  const auto leaked = box.leak();
  ASSERT_TRUE(leaked);
  ASSERT_TRUE(std::holds_alternative<sbcheck::Done>(box.set(8)));  // the planted bug lets it through
  EXPECT_TRUE(std::holds_alternative<sbcheck::Halted>(box.read(*leaked)));  // vetoed, not performed
  EXPECT_TRUE(sbcheck::testing::ubOfKind(memory, "no-granting-item"));
  EXPECT_NE(memory.report().find("read"), std::string::npos) << memory.report();
  EXPECT_NE(memory.trace().find("!ub"), std::string::npos) << memory.trace();
  EXPECT_FALSE(sbcheck::testing::noUb(memory));  // and the helper says why
}

TEST(Box, AReadAfterFreeIsUndefined) {
  sbcheck::CheckedMemory memory("sb2-strict");
  Box box(memory);
  const auto leaked = box.leak();
  ASSERT_TRUE(leaked);
  ASSERT_TRUE(box.free());
  EXPECT_TRUE(std::holds_alternative<sbcheck::Halted>(box.read(*leaked)));
  EXPECT_TRUE(sbcheck::testing::ubOfKind(memory, "use-after-free"));
  EXPECT_FALSE(box.free()) << "a second free is vetoed";
}

TEST(CheckedMemory, NamesItsModelsAndRefusesOthers) {
  EXPECT_EQ(sbcheck::CheckedMemory::models().front(), "sb2");
  EXPECT_THROW(sbcheck::CheckedMemory("sb3"), std::invalid_argument);
}
