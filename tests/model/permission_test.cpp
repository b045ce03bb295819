// The finite tables of sb2.md, checked over their whole domain.
#include "model/sb/permission.hpp"

#include <gtest/gtest.h>

#include <string>

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

// sb2.md "Access" step 1, written out as a table over the whole domain:
// "Unique and SRW grant read+write, SRO grants read only"; sb2-disable's
// `Disabled` "grants nothing".
struct GrantsRow {
  Permission perm;
  bool read;
  bool write;
};
constexpr GrantsRow kGrantsTable[] = {
    {Permission::Unique, true, true},
    {Permission::SharedReadWrite, true, true},
    {Permission::SharedReadOnly, true, false},
    {Permission::Disabled, false, false},
};

TEST(Grants, MatchesTheSpecTableOverTheWholeDomain) {
  int checked = 0;
  for (Permission perm : kAllPermissions) {
    for (AccessKind access : kAllAccessKinds) {
      bool found = false;
      for (const GrantsRow& row : kGrantsTable) {
        if (row.perm != perm) continue;
        found = true;
        EXPECT_EQ(grants(perm, access), access == AccessKind::Read ? row.read : row.write)
            << longName(perm) << " / " << name(access);
        ++checked;
      }
      EXPECT_TRUE(found) << "no expected row for " << longName(perm);
    }
  }
  EXPECT_EQ(checked, 8);
}

TEST(Grants, WritingImpliesReading) {
  for (Permission perm : kAllPermissions) {
    if (grants(perm, AccessKind::Write)) {
      EXPECT_TRUE(grants(perm, AccessKind::Read)) << longName(perm);
    }
  }
}

// sb2.md "Access" step 2's table, cell by cell. `kNever` / `kReadOnly` /
// `kAlways` are the spec's words; `kCannotOccur` marks the cells sb2.md says
// cannot occur. For the SharedReadOnly row, the seed's own table (the source
// sb2.md restates) says "no" for Unique and SharedReadWrite, so we assert that:
// an item that broke the invariant would be removed rather than kept.
enum class Cell { kNever, kReadOnly, kAlways };

struct CompatibleRow {
  Permission granting;
  Cell unique;
  Cell sharedReadWrite;
  Cell sharedReadOnly;
};
constexpr CompatibleRow kCompatibleTable[] = {
    //                               Unique         SRW              SRO
    {Permission::Unique,          Cell::kNever, Cell::kReadOnly, Cell::kReadOnly},
    {Permission::SharedReadWrite, Cell::kNever, Cell::kAlways,   Cell::kReadOnly},
    {Permission::SharedReadOnly,  Cell::kNever, Cell::kNever,    Cell::kReadOnly},  // seed: no, no, read only
};

constexpr Permission kSpecPermissions[] = {Permission::Unique, Permission::SharedReadWrite,
                                           Permission::SharedReadOnly};

bool expectedStays(Cell cell, AccessKind access) {
  switch (cell) {
    case Cell::kNever: return false;
    case Cell::kReadOnly: return access == AccessKind::Read;
    case Cell::kAlways: return true;
  }
  return false;
}

Cell cellOf(const CompatibleRow& row, Permission other) {
  switch (other) {
    case Permission::Unique: return row.unique;
    case Permission::SharedReadWrite: return row.sharedReadWrite;
    case Permission::SharedReadOnly: return row.sharedReadOnly;
    case Permission::Disabled: break;
  }
  ADD_FAILURE() << "Disabled has no column in sb2.md's table";
  return Cell::kNever;
}

TEST(Compatible, MatchesTheSpecTableOverTheWholeDomain) {
  int checked = 0;
  for (const CompatibleRow& row : kCompatibleTable) {
    for (AccessKind access : kAllAccessKinds) {
      for (Permission other : kSpecPermissions) {
        EXPECT_EQ(compatible(row.granting, access, other), expectedStays(cellOf(row, other), access))
            << "granting " << longName(row.granting) << ", " << name(access) << ", other "
            << longName(other);
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 3 * 2 * 3);
}

TEST(Compatible, UniqueIsNeverCompatibleAbove) {
  for (Permission granting : kSpecPermissions) {
    for (AccessKind access : kAllAccessKinds) {
      EXPECT_FALSE(compatible(granting, access, Permission::Unique)) << longName(granting);
    }
  }
}

TEST(Compatible, NothingStaysAboveAUniqueWrite) {
  for (Permission other : kSpecPermissions) {
    EXPECT_FALSE(compatible(Permission::Unique, AccessKind::Write, other)) << longName(other);
  }
}

TEST(Compatible, OnlySharedReadWriteSurvivesASharedReadWriteWrite) {
  EXPECT_FALSE(compatible(Permission::SharedReadWrite, AccessKind::Write, Permission::Unique));
  EXPECT_TRUE(compatible(Permission::SharedReadWrite, AccessKind::Write, Permission::SharedReadWrite));
  EXPECT_FALSE(compatible(Permission::SharedReadWrite, AccessKind::Write, Permission::SharedReadOnly));
}

TEST(Compatible, SharedReadOnlyStaysAboveEveryRead) {
  for (Permission granting : kSpecPermissions) {
    EXPECT_TRUE(compatible(granting, AccessKind::Read, Permission::SharedReadOnly)) << longName(granting);
  }
}

// Whatever a read keeps, a write through the same granting item may remove,
// never the other way round: compatibility with writes implies it with reads.
TEST(Compatible, WriteCompatibleImpliesReadCompatible) {
  for (Permission granting : kSpecPermissions) {
    for (Permission other : kSpecPermissions) {
      if (compatible(granting, AccessKind::Write, other)) {
        EXPECT_TRUE(compatible(granting, AccessKind::Read, other))
            << longName(granting) << " / " << longName(other);
      }
    }
  }
}

TEST(PermissionNames, ShortNamesAreFixedWidthAndDistinct) {
  for (Permission a : kAllPermissions) {
    EXPECT_EQ(shortName(a).size(), 4u) << longName(a);
    for (Permission b : kAllPermissions) {
      if (a != b) {
        EXPECT_NE(shortName(a), shortName(b));
      }
    }
  }
}

TEST(PermissionNames, LongNamesAreTheSpecsWords) {
  EXPECT_EQ(longName(Permission::Unique), "Unique");
  EXPECT_EQ(longName(Permission::SharedReadWrite), "SharedReadWrite");
  EXPECT_EQ(longName(Permission::SharedReadOnly), "SharedReadOnly");
  EXPECT_EQ(name(AccessKind::Read), "read");
  EXPECT_EQ(name(AccessKind::Write), "write");
}

}  // namespace
}  // namespace sbcheck::sb
