// bench/extract/readability.cjs: Readability.js (Firefox's reader view) on linkedom, the peer
// brief's extractor is measured against. One node process over every file named on the
// command line; prints one JSON line per file: {"file", "text"} (text = article.textContent,
// "" when Readability finds no article). Run by bench/extract/run.py, which installs the two
// npm packages into the build tree first.
"use strict";
const fs = require("fs");
const { Readability } = require("@mozilla/readability");
const { parseHTML } = require("linkedom");

const out = [];
for (const file of process.argv.slice(2)) {
  let text = "";
  try {
    const { document } = parseHTML(fs.readFileSync(file, "utf8"));
    const article = new Readability(document).parse();
    text = article && article.textContent ? article.textContent : "";
  } catch (e) {
    process.stderr.write(`${file}: ${e.message}\n`);
  }
  out.push(JSON.stringify({ file, text }));
}
process.stdout.write(out.join("\n") + "\n");
