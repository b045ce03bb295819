// The variants' model instances and the name -> model factory.
#include "model/sb/model.hpp"

#include <array>

namespace sbcheck::sb {

template class Model<Sb2>;
template class Model<Sb2StackWrite>;
template class Model<Sb2Disable>;
template class Model<Sb2Strict>;
template class Model<Sb2TaggedRaw>;

namespace {
/// Every variant's name, in forEachVariant's order.
constexpr auto kNames = [] {
  std::array<std::string_view, 5> names{};
  std::size_t next = 0;
  forEachVariant([&]<class P>() { names[next++] = P::kName; });
  return names;
}();
}  // namespace

std::unique_ptr<AnyModel> AnyModel::create(std::string_view name) {
  std::unique_ptr<AnyModel> model;
  forEachVariant([&]<class P>() {
    if (P::kName == name) model = std::make_unique<Model<P>>();
  });
  return model;
}

std::span<const std::string_view> AnyModel::names() { return kNames; }

}  // namespace sbcheck::sb
