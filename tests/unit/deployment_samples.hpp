#pragma once
// Deployment files for tests: the example (Ofcom's drama numbers, a demonstration), the same
// written as a real trust would write it, and a site's content bundle built with one.
#include <nlohmann/json.hpp>

#include <string>

#include "content_files.hpp"
#include "core/content/content.hpp"

namespace cpa::test {

inline nlohmann::json example_deployment() {
  return nlohmann::json::parse(read_text(source_dir() + "/content/deployment.example.json"));
}

// The example as a real trust would write it.  Its numbers are moved just outside Ofcom's
// 01632 960xxx drama range: 01632 is a code no area uses, so no real number is written here.
inline nlohmann::json real_trust_deployment() {
  auto d = example_deployment();
  d["trust"]["name"] = "Anytown NHS Foundation Trust";
  d["crisis_lines"][0]["name"] = "Crisis team";
  d["crisis_lines"][0]["number"] = "01632 961 000";
  d["services"][0]["name"] = "Safe haven";
  d["services"][0]["phone"] = "01632 961 001";
  return d;
}

// The content bundle of a site built with this deployment file (as an example, or not).
inline std::string deployment_bundle(const nlohmann::json& deployment, bool example) {
  auto files = content_files();
  files["deployment.json"] = deployment.dump();
  return core::make_content_bundle(files, example);
}

}  // namespace cpa::test
