#include <gtest/gtest.h>
#include <iostream>
#include <cstdlib>
#include "harness/explore/sbt_space.hpp"
#include "harness/sbt/print.hpp"

namespace sbcheck::explore {
TEST(Measure, Universes) {
  const char* env = std::getenv("U");
  TraceUniverse u;
  if (env) { int b,t,f,tc,tb,ub,h=5; sscanf(env, "%d,%d,%d,%d,%d,%d,%d", &b,&t,&f,&tc,&tb,&ub,&h); u.height=h; u.bytes=b; u.tags=t; u.frames=f; u.twoPhaseCell=tc; u.taggedBase=tb; u.untaggedBase=ub; }
  std::vector<std::string> models;
  const char* ms = std::getenv("M");
  std::string all = ms ? ms : "sb2";
  size_t pos = 0; while (true) { auto c = all.find(',', pos); models.push_back(all.substr(pos, c-pos)); if (c==std::string::npos) break; pos=c+1; }
  Limits limits; limits.threads = 2; limits.maxSeconds = std::getenv("T") ? atof(std::getenv("T")) : 30;
  auto r = exploreModels(models, u, limits);
  std::cout << "states " << r.run.states << " transitions " << r.run.transitions << " depth " << r.run.depthCompleted << " ending " << int(r.run.ending) << " secs " << r.run.seconds << "\n";
  for (auto c : r.run.statesPerDepth) std::cout << c << " ";
  std::cout << "\n";
  for (auto& f : r.findings) if (f.trace) { std::cout << "== " << f.name << ": " << f.reason << "\n" << sbt::printTrace(*f.trace); }
}
}
