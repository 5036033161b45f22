"""--format html, the page's stylesheet and script, inlined (the page loads nothing).

The page's Content-Security-Policy allows no source at all (``default-src
'none'``) and only this stylesheet and this script, by their SHA-256 hashes:
even if some article text ever escaped its escaping, a script in it would
not run.
"""

from __future__ import annotations

import base64
import hashlib

CSS = """
:root{--err:#b3261e;--err-bg:#fde0dc;--warn:#7a4f00;--warn-bg:#ffeab0;--sug:#0b57d0;--sug-bg:#dce8ff;
--line:#d0d0d0;--muted:#555;color-scheme:light}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:#1b1b1b;background:#f6f6f4}
header,main{max-width:62rem;margin:0 auto;padding:0 1rem}
header{padding-top:.5rem}
h1{font-size:1.4rem;margin:.5rem 0}
h2{font-size:1.05rem;margin:0 0 .25rem;overflow-wrap:anywhere}
.skip{position:absolute;left:-100vw;top:.5rem;background:#fff;padding:.5rem 1rem;border:2px solid #1a4fd6;z-index:20}
.skip:focus{left:.5rem}
:focus-visible{outline:3px solid #1a4fd6;outline-offset:2px}
.totals{margin:.25rem 0 .75rem}
#filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-start}
fieldset{border:1px solid var(--line);border-radius:6px;padding:.4rem .75rem .6rem;margin:0;background:#fff;
min-width:0;flex:1 1 18rem}
fieldset.levels{flex:0 1 auto}
legend{font-weight:600;padding:0 .25rem}
.boxes{display:flex;flex-wrap:wrap;gap:.1rem 1rem}
label{display:inline-flex;align-items:center;gap:.4rem;min-height:2.1rem;overflow-wrap:anywhere;cursor:pointer}
input[type=checkbox]{width:1.15rem;height:1.15rem;margin:0;flex:none}
.n{font-variant-numeric:tabular-nums;background:#ececec;border-radius:1em;padding:0 .5em;font-size:.85em}
.buttons{margin:.4rem 0 0;display:flex;flex-wrap:wrap;gap:.5rem}
button{font:inherit;font-size:.9rem;padding:.25rem .75rem;min-height:2.1rem;border:1px solid #888;border-radius:5px;
background:#f3f3f3;color:inherit;cursor:pointer}
#status{flex:1 0 100%;margin:0;color:var(--muted)}
article.article,section.clean{background:#fff;border:1px solid var(--line);border-radius:8px;padding:.9rem 1rem;
margin:1rem 0}
article.article{content-visibility:auto;contain-intrinsic-size:auto 40rem}
.counts{margin:0 0 .6rem;color:var(--muted);font-size:.92rem}
.note{margin:0 0 .6rem;padding:.3rem .6rem;border-left:4px solid var(--warn);background:#fff7e0;font-size:.92rem}
.text{white-space:pre-wrap;white-space:break-spaces;overflow-wrap:anywhere;word-break:normal;tab-size:4;font-family:Georgia,"Times New Roman",serif;
font-size:1.05rem;line-height:1.75;margin:0;padding:.6rem .75rem;background:#fcfcfb;border:1px solid #e6e6e6;
border-radius:6px}
.tbl{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
mark.f{color:inherit;background:none;border-radius:2px;cursor:help}
mark.error{background:var(--err-bg);box-shadow:inset 0 -2px 0 var(--err)}
mark.warning{background:var(--warn-bg);box-shadow:inset 0 -2px 0 var(--warn)}
mark.suggestion{background:var(--sug-bg);box-shadow:inset 0 -2px 0 var(--sug)}
mark.f mark.f{box-shadow:inset 0 -4px 0 currentColor}
mark.f mark.error{box-shadow:inset 0 -4px 0 var(--err)}
mark.f mark.warning{box-shadow:inset 0 -4px 0 var(--warn)}
mark.f mark.suggestion{box-shadow:inset 0 -4px 0 var(--sug)}
mark.zw{background:none;box-shadow:none}
mark.zw::before{content:"\\2038";font-weight:700;padding:0 .1em}
mark.zw.error::before{color:var(--err)}
mark.zw.warning::before{color:var(--warn)}
mark.zw.suggestion::before{color:var(--sug)}
mark.f.off{background:none;box-shadow:none;cursor:auto}
mark.zw.off::before{content:none}
mark.f:focus-visible{outline:3px solid #1a4fd6;outline-offset:1px}
.ch{unicode-bidi:isolate}
.ch::after{content:attr(data-ch);font:600 .58rem/1 system-ui,sans-serif;vertical-align:.35em;color:#444;
border:1px solid #999;border-radius:3px;padding:0 .15em;margin:0 .1em;background:#fff}
ol.findings{margin:.75rem 0 0;padding-left:1.6rem}
ol.findings li{margin:.45rem 0}
.about p{margin:.1rem 0}
.lv{display:inline-block;font-weight:700;text-transform:uppercase;font-size:.72rem;letter-spacing:.03em;
padding:0 .4em;border-radius:3px;color:#fff;vertical-align:.1em}
.lv.error{background:var(--err)}
.lv.warning{background:var(--warn)}
.lv.suggestion{background:var(--sug)}
.rule{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em;overflow-wrap:anywhere}
.go{font-size:.88rem;margin-right:.35rem;color:#1a4fd6}
.fix del,.fix ins{white-space:pre-wrap;overflow-wrap:anywhere;text-decoration:none;padding:0 .15em;border-radius:3px}
.fix del{background:#fde0dc;text-decoration:line-through}
.fix ins{background:#d5f2db}
#tip{position:absolute;z-index:10;max-width:min(30rem,calc(100vw - 1rem));background:#fff;border:1px solid #777;
border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.22);padding:.5rem .75rem;font-size:.95rem;line-height:1.45}
[hidden]{display:none!important}
ul.clean-list{margin:.25rem 0 0;padding-left:1.4rem}
ul.clean-list li{overflow-wrap:anywhere}
@media (max-width:30rem){header,main{padding:0 .5rem}.text{padding:.5rem;font-size:1rem}article.article{padding:.7rem}}
"""

JS = """
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var tip = document.getElementById("tip");
  var status = document.getElementById("status");
  var current = null;
  if (!form) { return; }
  function wanted(name) {
    var on = {};
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (box) {
      if (box.checked) { on[box.value] = true; }
    });
    return on;
  }
  function hide() { tip.hidden = true; current = null; }
  function show(mark) {
    var about = document.querySelector("#d" + mark.dataset.f + " .about");
    if (!about) { return; }
    tip.innerHTML = about.innerHTML;
    tip.hidden = false;
    current = mark;
    var box = mark.getClientRects()[0] || mark.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.max(4, Math.min(box.left, width - tip.offsetWidth - 4));
    tip.style.left = (left + window.scrollX) + "px";
    var below = box.bottom + 6, above = box.top - tip.offsetHeight - 6;
    var room = document.documentElement.clientHeight;
    tip.style.top = ((below + tip.offsetHeight > room && above >= 0 ? above : below) + window.scrollY) + "px";
  }
  function apply() {
    var levels = wanted("level"), rules = wanted("rule");
    var shown = 0, total = 0, articles = 0, all = 0;
    document.querySelectorAll("mark.f").forEach(function (mark) {
      var on = !!(levels[mark.dataset.level] && rules[mark.dataset.rule]);
      mark.classList.toggle("off", !on);
      if (mark.id) { mark.tabIndex = on ? 0 : -1; }
    });
    document.querySelectorAll("article.article").forEach(function (article) {
      var n = 0;
      article.querySelectorAll("li.finding").forEach(function (item) {
        var on = !!(levels[item.dataset.level] && rules[item.dataset.rule]);
        item.hidden = !on;
        total += 1;
        if (on) { n += 1; }
      });
      article.hidden = n === 0;
      shown += n;
      all += 1;
      if (n) { articles += 1; }
    });
    status.textContent = "Showing " + shown + " of " + total + " findings, in " + articles + " of " + all +
      " articles with findings.";
    if (current && current.classList.contains("off")) { hide(); }
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.querySelectorAll("button[data-rules]").forEach(function (button) {
    button.addEventListener("click", function () {
      var on = button.dataset.rules === "all";
      form.querySelectorAll('input[name="rule"]').forEach(function (box) { box.checked = on; });
      apply();
    });
  });
  document.addEventListener("mouseover", function (event) {
    var mark = event.target.closest ? event.target.closest("mark.f:not(.off)") : null;
    if (mark) { show(mark); return; }
    if (current && !tip.contains(event.target)) {
      var focused = document.activeElement;
      if (focused && focused.matches("mark.f:not(.off)")) { show(focused); } else { hide(); }
    }
  });
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("mark.f")) { show(event.target); }
  });
  document.addEventListener("focusout", function (event) {
    if (event.target === current) { hide(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !tip.hidden) { hide(); }
  });
  document.querySelectorAll("a.go").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var mark = document.getElementById(link.getAttribute("href").slice(1));
      if (!mark) { return; }
      event.preventDefault();
      mark.scrollIntoView({block: "center"});
      mark.focus({preventScroll: true});
    });
  });
  window.addEventListener("resize", function () { if (current) { show(current); } });
  apply();
}());
"""


def _sha256(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


CSP = (f"default-src 'none'; style-src {_sha256(CSS)}; script-src {_sha256(JS)}; "
       "img-src 'none'; base-uri 'none'; form-action 'none'")
