#pragma once
// A full crisis plan, as a person who filled in every part might write it: the plan the share
// link's length and QR version are measured with.
#include <algorithm>
#include <string>
#include <string_view>

#include "records_samples.hpp"

namespace cpa::test {

// bytes as a raw DEFLATE stream of stored blocks (RFC 1951 section 3.2.4): what a compressor may
// write for data it cannot shrink, and a way for tests to make a compressed link without one.
inline std::string stored_deflate(std::string_view bytes) {
  std::string out;
  std::size_t at = 0;
  do {
    const std::size_t n = std::min<std::size_t>(65535, bytes.size() - at);
    const bool last = at + n == bytes.size();
    out += static_cast<char>(last ? 1 : 0);
    out += static_cast<char>(n & 0xFF);
    out += static_cast<char>(n >> 8);
    out += static_cast<char>(~n & 0xFF);
    out += static_cast<char>((~n >> 8) & 0xFF);
    out.append(bytes.substr(at, n));
    at += n;
  } while (at < bytes.size());
  return out;
}

inline core::Records full_crisis_plan() {
  core::Records r = sample_records();
  for (const char* sign : {"I stay in bed all day", "I stop eating properly", "I start giving my things away"})
    core::add_item(r, "crisis_plan.warning_signs", "", sign);
  for (const char* help : {"Listen to music with headphones", "Have a bath", "Phone my sister"})
    core::add_item(r, "crisis_plan.self_help", "", help);
  core::add_item(r, "crisis_plan.helped_before", "", "A short stay at the crisis house");
  core::add_item(r, "crisis_plan.people", "name", "Tom");
  core::set_item(r, "crisis_plan.people", 1, "relationship", "Neighbour");
  core::set_item(r, "crisis_plan.people", 1, "phone", "07700 900789");
  core::set_item(r, "crisis_plan.people", 1, "when", "Evenings and weekends");
  core::set_item(r, "crisis_plan.in_hours", 0, "when", "Monday to Friday, 9am to 5pm");
  core::set_item(r, "crisis_plan.out_of_hours", 0, "when", "Evenings, nights and weekends");
  core::set_field(r, "crisis_plan.service_response",
                  "Please speak to me calmly and use my name.\nTell me what is happening and what will happen next.\n"
                  "Call my sister Asha if I have to go to hospital.");
  core::add_item(r, "crisis_plan.treatment_preferences", "", "A female member of staff if possible");
  core::set_field(r, "crisis_plan.practical.children", "No children.");
  return r;
}

}  // namespace cpa::test
