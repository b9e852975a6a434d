# Writes the corpus files made with openpyxl (Debian's python3-openpyxl). Usage: python3 openpyxl_files.py OUTDIR
import sys, datetime
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill, Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904
import openpyxl

out = sys.argv[1]
v = openpyxl.__version__

# 1. comments, merged cells, data validation, a conditional format, an Excel table, a defined name
wb = Workbook()
ws = wb.active
ws.title = "名单"
ws["A1"] = "苏仙区2023年度名单"
ws.merge_cells("A1:D1")
ws["A1"].font = Font(bold=True)
ws.append(["单位", "人数", "日期", "备注"])
ws.append(["区财政局", 12, datetime.date(2023, 12, 31), "含借调"])
ws.append(["区教育局", 9, datetime.date(2024, 1, 15), None])
ws["A3"].comment = Comment("openpyxl 写的批注", "组织部")
ws["B4"].comment = Comment("second note", "HR")
dv = DataValidation(type="whole", operator="between", formula1="0", formula2="100")
ws.add_data_validation(dv)
dv.add("B3:B4")
ws.conditional_formatting.add("B3:B4", CellIsRule(operator="greaterThan", formula=["10"], fill=PatternFill("solid", start_color="FFC7CE", end_color="FFC7CE")))
ws.freeze_panes = "A3"
ws2 = wb.create_sheet("表格")
ws2.append(["Name", "Score"])
ws2.append(["a", 1])
ws2.append(["b", 2])
t = Table(displayName="Scores", ref="A1:B3")
t.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
ws2.add_table(t)
wb.create_named_range("人数", ws, "$B$3:$B$4") if hasattr(wb, "create_named_range") else None
wb.save(f"{out}/openpyxl{v}_comments-merged-validation.xlsx")

# 2. the 1904 date system, a formula, a hidden sheet before the visible one
wb = Workbook()
wb.epoch = CALENDAR_MAC_1904
h = wb.active
h.title = "hidden"
h["A1"] = "hidden sheet"
h.sheet_state = "hidden"
ws = wb.create_sheet("Data")
ws["A1"] = "Date"
ws["B1"] = "Value"
ws["A2"] = datetime.date(2024, 2, 29)
ws["B2"] = 3.5
ws["B3"] = "=B2*2"
wb.save(f"{out}/openpyxl{v}_1904-hidden-first.xlsx")
