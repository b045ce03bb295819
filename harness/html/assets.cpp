// The page's style sheet and script, inline so a page opens from disk alone.
#include "harness/html/assets.hpp"

namespace sbcheck::html {

// Colours are fixed per permission (the legend repeats them); the UB row is
// the only red thing on the page. System fonts only: no network.
const std::string_view kStyle = R"css(
:root { --uniq: #2b6cb0; --srw: #2f855a; --sro: #b7791f; --dis: #718096; --ub: #c53030; --ink: #1a202c; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       margin: 0; padding: 24px 28px; background: #f7fafc; }
h1 { font-size: 20px; margin: 0 0 4px; font-weight: 600; }
h1 small { color: #718096; font-weight: 400; }
code, pre, .chip, td.line { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
header p { margin: 4px 0; }
.verdict { display: inline-block; padding: 1px 8px; border-radius: 10px; margin-right: 8px; font-size: 12.5px; }
.verdict.pass { background: #c6f6d5; color: #22543d; }
.verdict.fail { background: #fed7d7; color: #742a2a; }
.legend { color: #4a5568; font-size: 12.5px; }
.legend .chip { cursor: default; }
table.timeline { border-collapse: separate; border-spacing: 0; margin-top: 14px; background: #fff;
                 border: 1px solid #e2e8f0; border-radius: 6px; }
th, td { padding: 5px 8px; border-bottom: 1px solid #edf2f7; vertical-align: top; text-align: left; }
thead th { background: #edf2f7; font-weight: 600; font-size: 12.5px; position: sticky; top: 0; z-index: 1; }
thead th.lane { text-align: center; border-left: 2px solid #cbd5e0; }
th.bytes, td.stack.first { border-left: 2px solid #cbd5e0; }
td.line { color: #718096; text-align: right; }
td.src code { white-space: pre; }
td.event code { color: #4a5568; white-space: pre; }
td.stack { white-space: nowrap; min-width: 90px; }
.chip { display: inline-block; padding: 1px 6px; margin: 1px 3px 1px 0; border-radius: 4px; color: #fff;
        border: 2px solid transparent; cursor: pointer; }
.chip[data-perm="Unique"] { background: var(--uniq); }
.chip[data-perm="SharedReadWrite"] { background: var(--srw); }
.chip[data-perm="SharedReadOnly"] { background: var(--sro); }
.chip[data-perm="Disabled"] { background: var(--dis); }
.chip[data-protected] { border-style: double; border-width: 3px; border-color: #1a202c; }
.chip[data-protected]::after { content: "*"; }
.chip[data-new]::before { content: "+"; font-weight: 700; margin-right: 2px; }
.chip[data-granting] { outline: 2px solid #1a202c; outline-offset: 1px; }
.chip[data-removed] { opacity: .45; text-decoration: line-through; text-decoration-thickness: 2px; }
.chip .tid { font-size: 10px; opacity: .75; margin-left: 3px; vertical-align: 1px; }
.chip .tid::before { content: "<"; } .chip .tid::after { content: ">"; }
.freed { color: #a0aec0; font-style: italic; margin-right: 4px; }
td.notes { color: #4a5568; font-size: 12.5px; max-width: 560px; }
td.notes ul { margin: 0; padding-left: 16px; }
tr[data-ub] td { background: #fff5f5; }
tr[data-ub] td.line { color: var(--ub); font-weight: 700; border-left: 4px solid var(--ub); }
pre.ub-report { color: #742a2a; white-space: pre-wrap; margin: 4px 0 0; font-size: 12px; }
tr.first-difference td.line { border-left: 4px solid #805ad5; }
tr.first-difference td.line::after { content: " \2260"; color: #805ad5; }
tr.hl td { background: #fefcbf; }
tr[data-ub].hl td { background: #fbd38d; }
.chip.hl { box-shadow: 0 0 0 3px #ecc94b; }
footer { margin-top: 12px; color: #a0aec0; font-size: 12px; }
)css";

// Hovering a chip lights up its tag's rows; a click pins (or unpins) it.
const std::string_view kScript = R"js(
(function () {
  var pinned = null;
  function mark(tid, on) {
    document.querySelectorAll('tr[data-tags~="' + tid + '"]').forEach(function (r) { r.classList.toggle('hl', on); });
    document.querySelectorAll('.chip[data-tid="' + tid + '"]').forEach(function (c) { c.classList.toggle('hl', on); });
  }
  function chipOf(e) { var c = e.target.closest && e.target.closest('.chip[data-tid]'); return c || null; }
  document.addEventListener('mouseover', function (e) { var c = chipOf(e); if (c && pinned === null) mark(c.dataset.tid, true); });
  document.addEventListener('mouseout', function (e) { var c = chipOf(e); if (c && pinned === null) mark(c.dataset.tid, false); });
  document.addEventListener('click', function (e) {
    var c = chipOf(e);
    var tid = c ? c.dataset.tid : null;
    if (pinned !== null) mark(pinned, false);
    pinned = tid === pinned ? null : tid;
    if (pinned !== null) mark(pinned, true);
  });
})();
)js";

}  // namespace sbcheck::html
