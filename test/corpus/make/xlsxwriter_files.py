# Writes the corpus files made with XlsxWriter (Debian's python3-xlsxwriter). Usage: python3 xlsxwriter_files.py OUTDIR
import sys, zlib, struct
import xlsxwriter

out = sys.argv[1]
v = xlsxwriter.__version__

def png(path):
    # a 2x2 red PNG, written by hand
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    open(path, "wb").write(data)

# 1. a chart on the sheet, a chart sheet, notes (one always shown), rich text, an image, a button, validation, autofilter
wb = xlsxwriter.Workbook(f"{out}/xlsxwriter{v}_chart-notes-richtext.xlsx")
ws = wb.add_worksheet("数据")
bold = wb.add_format({"bold": True})
red = wb.add_format({"color": "red"})
ws.write_row(0, 0, ["单位", "一季度", "二季度"], bold)
rows = [["区财政局", 10, 12], ["区教育局", 8, 9], ["白露塘镇", 11, 7]]
for i, r in enumerate(rows):
    ws.write_row(i + 1, 0, r)
ws.write_rich_string("D2", "富", red, "文本", " rich")
ws.write_comment("A2", "总是显示的批注", {"visible": True, "author": "组织部"})
ws.write_comment("B3", "hidden note")
ws.data_validation("B2:C4", {"validate": "integer", "criteria": "between", "minimum": 0, "maximum": 100})
ws.autofilter("A1:C4")
png(f"{out}/.tiny.png")
ws.insert_image("F2", f"{out}/.tiny.png")
ws.insert_button("F8", {"caption": "按钮", "macro": "none"})
chart = wb.add_chart({"type": "column"})
chart.add_series({"name": "一季度", "categories": "=数据!$A$2:$A$4", "values": "=数据!$B$2:$B$4"})
ws.insert_chart("H2", chart)
cs = wb.add_chartsheet("图表")
c2 = wb.add_chart({"type": "line"})
c2.add_series({"values": "=数据!$C$2:$C$4"})
cs.set_chart(c2)
wb.close()

# 2. constant memory mode: inline strings, rows streamed, a shared-formula-free sheet with a formula
wb = xlsxwriter.Workbook(f"{out}/xlsxwriter{v}_constant-memory-inlinestr.xlsx", {"constant_memory": True})
ws = wb.add_worksheet("Stream")
ws.write_row(0, 0, ["name", "value", "double"])
for i in range(1, 20):
    ws.write_row(i, 0, [f"row {i}", i])
    ws.write_formula(i, 2, f"=B{i+1}*2", None, i * 2)
wb.close()
