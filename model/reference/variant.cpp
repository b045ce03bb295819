// sb2.md's variant table, one row per variant.
#include "model/reference/variant.hpp"

#include <array>

namespace sbcheck::reference {
namespace {

using D = Discipline;

//                                        name              read                    write                  aboveGroup twoPhaseSrw taggedRaw
constexpr std::array<Variant, 5> kVariants = {{
    Variant{"sb2",            D::kRemoveIncompatible, D::kRemoveIncompatible, false, false, false, {}},
    Variant{"sb2-stackwrite", D::kRemoveIncompatible, D::kPopAboveSrwGroup,   true,  false, false, {}},
    Variant{"sb2-disable",    D::kDisableUnique,      D::kPopAboveSrwGroup,   true,  true,  false, {}},
    Variant{"sb2-strict",     D::kStrict,             D::kStrict,             false, false, false, {}},
    Variant{"sb2-tagged-raw", D::kRemoveIncompatible, D::kRemoveIncompatible, false, false, true,  {}},
}};

}  // namespace

std::span<const Variant> variants() { return kVariants; }

std::optional<Variant> findVariant(std::string_view name) {
  for (const Variant& variant : kVariants) {
    if (variant.name == name) return variant;
  }
  return std::nullopt;
}

}  // namespace sbcheck::reference
