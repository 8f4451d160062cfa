// cpa_site: the build-time half of the content pipeline.
//   cpa_site --content DIR --shell DIR --out DIR [--glyphs FILE] [--deployment FILE [--example]]
// Validates every content file with the same code the app runs (a problem fails the build,
// naming the file and field), then writes the content bundle the app loads, index.html with the
// crisis lines filled in from the same content (so the plain page and the app can never
// disagree), and the headers the site is served with (_headers; a kiosk's differ).  The
// deployment and the national facts are checked against today's date (core has no clock: this
// tool reads it and hands it over); --example builds a demonstration, which says so everywhere.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/content/content.hpp"
#include "core/content/language.hpp"
#include "tools/site/fallback_html.hpp"
#include "tools/site/site_headers.hpp"

namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

// content/<locale>/**/*.json, keyed by their path under content/.
std::map<std::string, std::string> read_content_files(const fs::path& content_dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(content_dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    const auto relative = fs::relative(entry.path(), content_dir).generic_string();
    if (relative.find('/') == std::string::npos) continue;  // schemas and deployment examples live at the top
    files[relative] = read_text(entry.path());
  }
  return files;
}

// Today's date in UTC, YYYY-MM-DD: what a deployment's checked-dates are held to.
std::string today_utc() {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day date{days};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return text;
}

// Facts checked more than a year before today are named on every build, so someone opens their
// pages again; a trust's deployment build refuses them, as it refuses its own stale numbers.
// Every locale's facts: the shared ones (sources, lines) once, each locale's pages with its own dates.
bool report_stale_facts(const cpa::core::ContentLoad& loaded, const cpa::core::DeploymentBuild& build) {
  const auto today = cpa::core::parse_iso_date(build.today);
  if (!today || build.example) return true;
  std::vector<cpa::core::StaleFact> stale;
  std::set<std::pair<std::string, std::string>> seen;  // what, checked: a shared fact once
  for (const auto& language : loaded.languages)
    for (auto& fact : cpa::core::stale_facts(*language, *today)) {
      if (!seen.emplace(fact.what, fact.checked).second) continue;
      if (language != loaded.content) fact.what += " (" + language->locale + ")";
      stale.push_back(std::move(fact));
    }
  if (stale.empty()) return true;
  const bool refuse = loaded.content->deployment.present;
  std::cerr << (refuse ? "content has " : "warning: ") << stale.size()
            << " fact(s) checked more than a year before today (" << build.today
            << "): open each page again, check the fact, then put the date you checked it\n";
  for (const auto& fact : stale) std::cerr << "  " << fact.what << ", checked " << fact.checked << "\n";
  return !refuse;
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> args;
  cpa::core::DeploymentBuild build;
  build.today = today_utc();
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--example") {
      build.example = true;
    } else if (i + 1 < argc) {
      args[arg] = argv[++i];
    }
  }
  if (!args.count("--content") || !args.count("--shell") || !args.count("--out")) {
    std::cerr
        << "usage: cpa_site --content DIR --shell DIR --out DIR [--glyphs FILE] [--deployment FILE [--example]]\n";
    return 2;
  }
  auto files = read_content_files(args["--content"]);
  if (args.count("--deployment")) {
    const fs::path deployment = args["--deployment"];
    if (!fs::is_regular_file(deployment)) {
      std::cerr << "deployment file " << deployment << " does not exist\n";
      return 1;
    }
    files["deployment.json"] = read_text(deployment);
  }
  const auto loaded = cpa::core::load_content_languages(files, build);
  if (!loaded.ok()) {
    std::cerr << "content has " << loaded.problems.size() << " problem(s):\n";
    for (const auto& problem : loaded.problems) std::cerr << "  " << problem.to_string() << "\n";
    return 1;
  }
  if (!report_stale_facts(loaded, build)) return 1;
  const auto& deployment = loaded.content->deployment;
  if (deployment.present && deployment.languages.welsh_unreviewed())
    std::cerr << "warning: this site offers Welsh, but deployment.json has no languages.welsh_review: a qualified "
                 "translator must check the Welsh before patients see it (or offer English only: "
                 "languages.offered [\"en-GB\"])\n";
  for (const auto& missing : cpa::core::untranslated_local_words(loaded.languages))
    std::cerr << "warning: deployment.json: " << missing
              << ": it shows in English, marked as English, on those screens (add \"translations\")\n";
  const fs::path out = args["--out"];
  // content.json with English (and the deployment's first language); each other language in a
  // file of its own, fetched only by someone who reads it (core/content/content.hpp LaterLanguage).
  bool ok = true;
  for (const auto& [name, text] : cpa::core::make_site_bundles(files, build.example, deployment.languages.first))
    ok = ok && write_text(out / name, text);
  // The plain page in the site's languages, the deployment's first language first.
  const auto languages = cpa::core::page_languages(loaded.languages);
  const std::string page =
      cpa::site::render_index_html(read_text(fs::path(args["--shell"]) / "index.html"), *languages.front(),
                                   languages.size() > 1 ? languages[1] : nullptr);
  ok = ok && write_text(out / "index.html", page);
  ok = ok && write_text(out / "_headers",
                        cpa::site::site_headers(read_text(fs::path(args["--shell"]) / "_headers"), *loaded.content));
  if (args.count("--glyphs")) ok = ok && write_text(args["--glyphs"], cpa::core::all_display_text(files) + page);
  if (!ok) {
    std::cerr << "could not write the site into " << out << "\n";
    return 1;
  }
  std::cout << "content: " << files.size() << " files, " << loaded.content->crisis_lines.size() << " crisis lines, "
            << loaded.content->pages.size() << " pages";
  if (loaded.content->deployment.present) std::cout << ", deployment: " << loaded.content->deployment.trust_name;
  if (build.example) std::cout << " (an example: every screen says its local numbers reach no one)";
  std::cout << "\n";
  return 0;
}
