// The finite tables of sb2.md, checked over their whole domain.
#include "model/sb/permission.hpp"

#include <gtest/gtest.h>

namespace sbcheck::sb {
namespace {

TEST(Grants, UniqueAndSharedReadWriteGrantEverythingSharedReadOnlyOnlyReads) {
  EXPECT_TRUE(grants(Permission::Unique, AccessKind::Read));
  EXPECT_TRUE(grants(Permission::Unique, AccessKind::Write));
  EXPECT_TRUE(grants(Permission::SharedReadWrite, AccessKind::Read));
  EXPECT_TRUE(grants(Permission::SharedReadWrite, AccessKind::Write));
  EXPECT_TRUE(grants(Permission::SharedReadOnly, AccessKind::Read));
  EXPECT_FALSE(grants(Permission::SharedReadOnly, AccessKind::Write));
  EXPECT_FALSE(grants(Permission::Disabled, AccessKind::Read));
  EXPECT_FALSE(grants(Permission::Disabled, AccessKind::Write));
}

}  // namespace
}  // namespace sbcheck::sb
