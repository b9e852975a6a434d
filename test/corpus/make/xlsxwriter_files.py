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
# 3. Excel 2010 extensions: sparklines and data bars (x14 in extLst), a table with a total row
wb = xlsxwriter.Workbook(f"{out}/xlsxwriter{v}_sparklines-databars-x14.xlsx")
ws = wb.add_worksheet("趋势")
ws.write_row(0, 0, ["单位", "1月", "2月", "3月", "趋势"])
for i, r in enumerate([["区财政局", 3, 5, 4], ["区教育局", 6, 2, 7]]):
    ws.write_row(i + 1, 0, r)
    ws.add_sparkline(i + 1, 4, {"range": f"趋势!B{i+2}:D{i+2}", "markers": True})
ws.conditional_format("B2:D3", {"type": "data_bar", "data_bar_2010": True})
ws2 = wb.add_worksheet("表")
ws2.add_table("A1:C4", {"columns": [{"header": "名称"}, {"header": "数量", "total_function": "sum"}, {"header": "备注"}], "total_row": True, "data": [["甲", 1, "x"], ["乙", 2, "y"]]})
wb.close()

# 4. the 1904 date system, hyperlinks, a defined name, a text box, an outline
wb = xlsxwriter.Workbook(f"{out}/xlsxwriter{v}_1904-links-textbox.xlsx", {"date_1904": True})
ws = wb.add_worksheet("Links")
date = wb.add_format({"num_format": "yyyy-mm-dd"})
import datetime
ws.write_datetime("A1", datetime.datetime(2024, 2, 29), date)
ws.write_url("A2", "https://example.org/", string="example")
ws.write_url("A3", "internal:Links!A1", string="back to A1")
ws.insert_textbox("C2", "文本框 text box")
ws.set_row(4, None, None, {"level": 1})
ws.write("A5", "outlined")
wb.define_name("起点", "=Links!$A$1")
wb.close()
