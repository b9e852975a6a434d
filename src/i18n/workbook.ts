// What the workbook adapters say about files they cannot open, read or write, zh-CN and en-US side by
// side. Each is one sentence: what the file is, and what to do. The CLI puts "Cannot read <file>:" before it.
import type { Message } from "../engine/types";

import { m } from "./message";

/** How to save a workbook as .xlsx in Excel and in WPS (said wherever a file must be saved again). */
const SAVE_AS = m(
  "请在 Excel 中“文件 → 另存为”选择“Excel 工作簿 (*.xlsx)”，或在 WPS 表格中“文件 → 另存为”选择“Microsoft Excel 文件 (*.xlsx)”，再对另存的文件运行",
  'save it as .xlsx — in Excel: File → Save As → "Excel Workbook (*.xlsx)"; in WPS: 文件 → 另存为 → "Microsoft Excel 文件 (*.xlsx)" — and run again on the saved file',
);

export const fileSay = {
  /** A range address a host (Excel, WPS) answered that is not one. */
  unrecognisedRange: (address: string) => m(`无法识别的区域“${address}”。`, `Unrecognised range "${address}".`),
  saveAs: SAVE_AS,
  xls: () => m(`这是 Excel 97–2003 工作簿（.xls），本工具只读 .xlsx；${SAVE_AS.zh}`, `this is an Excel 97–2003 workbook (.xls), and this tool reads .xlsx only: ${SAVE_AS.en}`),
  et: () => m(`这是 WPS 表格文件（.et），本工具只读 .xlsx；${SAVE_AS.zh}`, `this is a WPS spreadsheet (.et), and this tool reads .xlsx only: ${SAVE_AS.en}`),
  ods: () => m(`这是 OpenDocument 电子表格（.ods）；${SAVE_AS.zh}（LibreOffice：“文件 → 另存为”选择“Excel 2007-365 (.xlsx)”）`, `this is an OpenDocument spreadsheet (.ods): ${SAVE_AS.en} (LibreOffice: File → Save As → "Excel 2007-365 (.xlsx)")`),
  encrypted: () =>
    m(
      "此工作簿设置了打开密码（已加密），无法读取；请在 Excel（“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码）或 WPS（“文件 → 文档加密 → 密码加密”，清空密码）中去掉密码后另存为 .xlsx，再对另存的文件运行",
      'this workbook is protected by a password to open (encrypted) and cannot be read: remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password, clear it) or in WPS (文件 → 文档加密 → 密码加密, clear it), save as .xlsx and run again on that file',
    ),
  html: () => m(`这是网页（HTML）表格，只是扩展名为表格文件；${SAVE_AS.zh}`, `this is a web page (HTML table) with a spreadsheet file name: ${SAVE_AS.en}`),
  xml2003: () => m(`这是 Excel 2003 XML 表格（SpreadsheetML 2003）；${SAVE_AS.zh}`, `this is an Excel 2003 XML spreadsheet (SpreadsheetML 2003): ${SAVE_AS.en}`),
  otherOffice: (what: Message) => m(`这是${what.zh}，不是工作簿；请选择 .xlsx 工作簿`, `this is ${what.en}, not a workbook: choose an .xlsx workbook`),
  word: () => m("Word 文档", "a Word document"),
  powerpoint: () => m("PowerPoint 演示文稿", "a PowerPoint presentation"),
  notZip: () => m(`这不是 .xlsx 工作簿（不是 ZIP 压缩包）；若它是别的表格格式，${SAVE_AS.zh}`, `this is not an .xlsx workbook (not a ZIP package); if it is another spreadsheet format, ${SAVE_AS.en}`),
  emptyFile: () => m("文件是空的（0 字节）；请重新获取原文件", "the file is empty (0 bytes): get the original file again"),
  truncated: () => m("文件不完整（可能下载或复制中断）；请重新获取原文件", "the file is incomplete (a download or copy was cut short): get the original file again"),
  damaged: (what: string) =>
    m(`文件已损坏（${what}）；请在 Excel 或 WPS 中打开它（它们会尝试修复）并另存为 .xlsx，再对另存的文件运行`, `the file is damaged (${what}): open it in Excel or WPS (they try to repair it), save it as .xlsx and run again on the saved file`),
  crc: (part: string) =>
    m(
      `文件已损坏：部件 ${part} 的校验和（CRC）不符，内容在传输或存储中被改动，读出的数字可能是错的；请重新获取原文件，或在 Excel 中打开修复后另存`,
      `the file is damaged: the checksum (CRC) of its part ${part} does not match, so its content was changed in transit or storage and numbers read from it could be wrong: get the original file again, or let Excel repair it and save it again`,
    ),
  method: (method: string) =>
    m(`文件使用了本工具不支持的压缩方式（${method}）；${SAVE_AS.zh}`, `the file uses a compression method this tool does not read (${method}): ${SAVE_AS.en}`),
  tooLarge: (what: string, limit: Message) =>
    m(`文件超出本工具的处理上限（${what}；上限：${limit.zh}）；请把表格拆分到几个工作簿中分别运行`, `the file is beyond what this tool handles (${what}; limit: ${limit.en}): split the table over several workbooks and run each`),
  limitParts: () => m("20,000 个部件", "20,000 parts"),
  limitCells: () => m("每张工作表 3,000,000 个单元格（例如 15 列 200,000 行）", "3,000,000 cells a sheet (e.g. 200,000 rows of 15 columns)"),
  limitPackage: () => m("解压后共 2 GB", "2 GB unpacked in all"),
  limitPart: () => m("每个部件解压后 400 MB", "400 MB a part unpacked"),
  limitFile: () => m("文件 512 MB", "512 MB a file"),
  badXml: (part: string, why: string) =>
    m(`文件已损坏：部件 ${part} 不是格式正确的 XML（${why}）；请在 Excel 或 WPS 中打开它并另存为 .xlsx，再对另存的文件运行`, `the file is damaged: its part ${part} is not well-formed XML (${why}): open it in Excel or WPS, save it as .xlsx and run again on the saved file`),
  notSpreadsheet: () => m(`这是 ZIP 压缩包，但不是 Excel 工作簿（没有工作簿部件）；请选择 .xlsx 工作簿`, "this is a ZIP archive but not an Excel workbook (it has no workbook part): choose an .xlsx workbook"),
  noWorksheet: () => m("工作簿里没有可读取的工作表（只有图表工作表或对话框工作表）", "the workbook has no worksheet to read (only chart or dialog sheets)"),
  cellOutside: (sheet: string, where: string) => m(`工作表“${sheet}”有超出 Excel 范围的单元格（${where}）；请在 Excel 中打开它并另存`, `sheet "${sheet}" has a cell beyond Excel's grid (${where}): open it in Excel and save it again`),
  columnsBeyondXfd: (sheet: string, last: string) =>
    m(`工作表“${sheet}”的表格右侧已到最后一列 ${last}，放不下结果列；请把表格左移或删去空列后再运行`, `the table on sheet "${sheet}" reaches the last column (${last}) and there is no room for the result columns: move the table left or delete empty columns, then run again`),
  lockFile: () =>
    m(
      "这是 Excel 或 WPS 打开工作簿时生成的锁定文件（文件名以 ~$ 开头），不是工作簿；请选择同一文件夹中去掉 ~$ 的那个文件",
      "this is the lock file Excel or WPS makes while a workbook is open (its name begins with ~$), not a workbook: choose the file of the same name without ~$ in the same folder",
    ),
  csvEncoding: () => m("CSV 文件的编码无法识别（不是 UTF-8、UTF-16 或 GBK）；请在 Excel 或 WPS 中打开它并另存为 .xlsx", "the CSV file's encoding is not recognised (not UTF-8, UTF-16 or GBK): open it in Excel or WPS and save it as .xlsx"),
  noSheet: (name: string) => m(`找不到工作表“${name}”`, `no sheet named "${name}"`),
  noSnapshot: () => m("命令行不支持撤销快照", "the command line takes no undo snapshots"),
  /** Who wrote the output file (the CLI says it after "Written:"). */
  writtenBy: () => m("（保留原文件中未改动的部分）", "(parts it did not change copied as they were)"),
  /** The author of the notes the add-in writes. */
  noteAuthor: "考核助手 ASSESS",
};

/** What the hosts' adapters (Office.js in Excel, WPS) say when a sheet cannot be read or written. */
export const hostSay = {
  protectedSheet: (sheet: string) =>
    m(`工作表“${sheet}”受保护，未写入任何内容。请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。`, `Sheet "${sheet}" is protected; nothing was written. Unprotect it (Review → Unprotect Sheet) and try again.`),
  tooLarge: (sheet: string, where: string, cells: string, limit: string) =>
    m(
      `工作表“${sheet}”的区域 ${where} 有 ${cells} 个单元格，超过一次可读取的上限（${limit} 个），未读取也未写入任何内容。请删除考核表以外不用的行和列（或把其他数据移到另一个工作簿），再重试。`,
      `The range ${where} of sheet "${sheet}" holds ${cells} cells, more than the ${limit} that can be read at once; nothing was read or written. Delete the unused rows and columns outside the assessment table (or move other data to another workbook), then try again.`,
    ),
  /** Office.js's failures. */
  excelEditing: () => m("Excel 正处于单元格编辑状态，请先按 Enter 或 Esc 退出编辑后重试。", "Excel is editing a cell: press Enter or Esc, then try again."),
  excelRefused: (detail: string) => m(`Excel 拒绝写入（${detail}）。`, `Excel refused the write (${detail}).`),
  excelRequestTooLarge: (detail: string) => m(`一次请求的数据量超出 Excel 的限制（${detail}）。`, `A request exceeded Excel's size limit (${detail}).`),
  excelFailed: (detail: string, code: string) => m(`Excel 操作失败：${detail}${code ? `（${code}）` : ""}`, `Excel operation failed: ${detail}${code ? ` (${code})` : ""}`),
};

/** The port's checks on a write request (src/workbook/port.ts checkColumnWrites): a program error, said plainly. */
export const portSay = {
  valueCount: (column: number, values: number, rows: number) => m(`第 ${column} 列的值有 ${values} 个，表格有 ${rows} 行。`, `Column ${column} has ${values} values for ${rows} table rows.`),
  badColumn: (column: number) => m(`列号 ${column} 无效。`, `Invalid column ${column}.`),
  gap: () => m("新增的结果列必须紧接在表格右侧、连续排列。", "Appended columns must follow the table's last column without gaps."),
  noHeader: () => m("表格（ListObject）的新列必须有表头。", "A new column of an Excel table needs a header."),
  takenHeader: (header: string) => m(`表格中已有名为“${header}”的列。`, `The table already has a column named "${header}".`),
  /** exceljs (the sample writer, the tests' reader) could not read a file. */
  notXlsx: (reason: string) => m(`不是可读取的 .xlsx 文件（${reason}）`, `not a readable .xlsx file (${reason})`),
};
