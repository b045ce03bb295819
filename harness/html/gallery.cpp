// The gallery's index page and page names.
#include "harness/html/gallery.hpp"

#include <filesystem>

#include "harness/html/assets.hpp"
#include "harness/html/page.hpp"

namespace sbcheck::html {

std::string pageName(const std::string& input, std::set<std::string>& taken) {
  std::string base = input == "-" ? "stdin" : std::filesystem::path(input).filename().string();
  if (base.empty()) base = "input";
  std::string name = base + ".html";
  for (int n = 2; taken.contains(name); ++n) name = base + "-" + std::to_string(n) + ".html";
  taken.insert(name);
  return name;
}

std::string renderIndex(const std::string& title, const std::vector<GalleryEntry>& entries) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title) +
                    "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n<header><h1>" +
                    escape(title) + " <small>" + std::to_string(entries.size()) +
                    " pages</small></h1></header>\n<table class=\"timeline index\">\n"
                    "<thead><tr><th>file</th><th>verdicts</th></tr></thead>\n<tbody>\n";
  for (const GalleryEntry& entry : entries) {
    out += "<tr data-file=\"" + escape(entry.input) + "\" data-status=\"" + (entry.passed ? "pass" : "fail") +
           "\"><td><a href=\"" + escape(entry.page) + "\">" + escape(entry.input) + "</a></td><td>";
    for (const auto& [verdict, passed] : entry.verdicts) {
      out += "<span class=\"verdict " + std::string(passed ? "pass" : "fail") + "\">" + escape(verdict) + "</span>";
    }
    out += "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n</body>\n</html>\n";
}

}  // namespace sbcheck::html
