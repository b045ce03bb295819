// The reference model's permissions and sb2.md's two tables, `grants` and
// `compatible`, written out as plain arrays straight from the spec. The
// reference shares no rule code with model/sb/: it exists to be compared
// with it (properties/model_agreement.hpp).
#pragma once

#include <cstdint>
#include <string_view>

namespace sbcheck::reference {

/// sb2.md "State"; `Disabled` only arises in sb2-disable.
enum class Perm : std::uint8_t { Unique, SharedReadWrite, SharedReadOnly, Disabled };
inline constexpr int kPermCount = 4;

enum class Access : std::uint8_t { Read, Write };

/// sb2.md "Access" step 1, indexed [perm][access]: Unique and SRW grant read
/// and write, SRO grants read only, Disabled grants nothing.
inline constexpr bool kGrants[kPermCount][2] = {
    /* Unique */ {true, true},
    /* SRW    */ {true, true},
    /* SRO    */ {true, false},
    /* Dis    */ {false, false},
};

/// sb2.md "Access" step 2's table, indexed [granting][access][other]: does
/// `other`, above the granting item, stay? The Disabled column is never read
/// by a shipped variant (Disabled items only exist in sb2-disable, whose
/// reads disable and whose writes pop); it says "stays on a read", the
/// weakest choice.
inline constexpr bool kCompatible[kPermCount][2][kPermCount] = {
    //              other: Unique SRW    SRO    Dis
    /* Unique read  */ {{false, true, true, true},
    /* Unique write */  {false, false, false, false}},
    /* SRW read     */ {{false, true, true, true},
    /* SRW write    */  {false, true, false, false}},
    /* SRO read     */ {{false, false, true, false},
    /* SRO write    */  {false, false, false, false}},
    /* Dis (never grants, so never granting) */
                       {{false, false, false, false}, {false, false, false, false}},
};

/// A `kCompatible`-shaped table, so a (mutated) copy can be plugged in.
using CompatibleTable = bool[kPermCount][2][kPermCount];

constexpr bool grants(Perm perm, Access access) {
  return kGrants[static_cast<int>(perm)][static_cast<int>(access)];
}

/// The project's fixed-width names, so printed stacks line up.
constexpr std::string_view shortName(Perm perm) {
  switch (perm) {
    case Perm::Unique: return "Uniq";
    case Perm::SharedReadWrite: return "SRW ";
    case Perm::SharedReadOnly: return "SRO ";
    case Perm::Disabled: return "Dis ";
  }
  return "????";
}

}  // namespace sbcheck::reference
