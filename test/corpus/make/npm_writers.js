// The corpus files made with writers from the npm registry that this project does not depend on:
// SheetJS Community Edition (xlsx), xlsx-populate and excel4node. Install them in a scratch folder
// and run: NODE_PATH=SCRATCH/node_modules node npm_writers.js OUTDIR (make.sh does).
"use strict";
const path = require("path");
const out = process.argv[2];
const version = (name) => require(`${name}/package.json`).version;

// SheetJS: a sheet from an array of arrays, a merged cell, a note and a date.
const XLSX = require("xlsx");
const ws = XLSX.utils.aoa_to_sheet([["苏仙区 2023", null, null], ["单位", "人数", "日期"], ["区财政局", 12, new Date(Date.UTC(2023, 11, 31))], ["区教育局", 9, null]], { cellDates: true });
ws["!merges"] = [XLSX.utils.decode_range("A1:C1")];
ws.A3.c = [{ a: "组织部", t: "SheetJS 写的批注" }];
const wb = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(wb, ws, "名单");
XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["说明"]]), "说明");
XLSX.writeFile(wb, path.join(out, `sheetjs${version("xlsx")}_merge-note-date.xlsx`), { compression: true });

// xlsx-populate: starts from its own blank template; styles, a formula, a second sheet.
const XlsxPopulate = require("xlsx-populate");
const excel4node = require("excel4node");
(async () => {
  const book = await XlsxPopulate.fromBlankAsync();
  const s = book.sheet(0).name("名单");
  s.cell("A1").value("单位").style("bold", true);
  s.cell("B1").value("人数");
  s.cell("A2").value("区财政局");
  s.cell("B2").value(12).style("fill", "ffff00");
  s.cell("B3").formula("B2*2");
  book.addSheet("说明").cell("A1").value("xlsx-populate");
  await book.toFileAsync(path.join(out, `xlsx-populate${version("xlsx-populate")}_styles-formula.xlsx`));

  // excel4node: a comment, a merged range, data validation, frozen panes.
  const wb4 = new excel4node.Workbook();
  const w = wb4.addWorksheet("数据", { sheetView: { pane: { state: "frozen", ySplit: 1 } } });
  w.cell(1, 1, 1, 3, true).string("苏仙区 2023");
  w.cell(2, 1).string("单位");
  w.cell(2, 2).string("人数");
  w.cell(3, 1).string("区财政局").comment("excel4node 写的批注");
  w.cell(3, 2).number(12);
  w.addDataValidation({ type: "whole", operator: "between", sqref: "B3:B10", formulas: [0, 100] });
  await new Promise((resolve, reject) => wb4.write(path.join(out, `excel4node${version("excel4node")}_comment-merge-validation.xlsx`), (err) => (err ? reject(err) : resolve())));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
