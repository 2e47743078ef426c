// Mozilla Readability on jsdom over every page of a folder (the baseline of make bench-scale).
const path = require('path'), fs = require('fs');
const modules = path.resolve(process.argv[2], 'node_modules');
const { JSDOM } = require(path.join(modules, 'jsdom'));
const { Readability } = require(path.join(modules, '@mozilla/readability'));
let chars = 0;
for (const f of fs.readdirSync(process.argv[3]).sort()) {
  const dom = new JSDOM(fs.readFileSync(path.join(process.argv[3], f), 'utf8'));
  const article = new Readability(dom.window.document).parse();
  chars += article && article.textContent ? article.textContent.length : 0;
}
console.log(chars);
