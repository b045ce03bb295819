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
constexpr std::array<std::string_view, 5> kNames = {Sb2::kName, Sb2StackWrite::kName, Sb2Disable::kName,
                                                    Sb2Strict::kName, Sb2TaggedRaw::kName};
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
