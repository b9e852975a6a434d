/* The corpus file made with libxlsxwriter (Debian libxlsxwriter-dev). Build and run: see make.sh. */
#include <stdio.h>
#include "xlsxwriter.h"

int main(int argc, char **argv) {
    char path[1024];
    snprintf(path, sizeof path, "%s/libxlsxwriter%s_chart-comment-merge.xlsx", argv[1], LXW_VERSION);
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "数据");
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    worksheet_merge_range(ws, 0, 0, 0, 2, "苏仙区 2023", bold);
    worksheet_write_string(ws, 1, 0, "单位", NULL);
    worksheet_write_string(ws, 1, 1, "人数", NULL);
    worksheet_write_string(ws, 2, 0, "区财政局", NULL);
    worksheet_write_number(ws, 2, 1, 12, NULL);
    worksheet_write_string(ws, 3, 0, "区教育局", NULL);
    worksheet_write_number(ws, 3, 1, 9, NULL);
    worksheet_write_formula_num(ws, 4, 1, "=SUM(B3:B4)", NULL, 21);
    worksheet_write_comment(ws, 2, 0, "libxlsxwriter 写的批注");
    lxw_chart *chart = workbook_add_chart(wb, LXW_CHART_PIE);
    chart_add_series(chart, "=数据!$A$3:$A$4", "=数据!$B$3:$B$4");
    worksheet_insert_chart(ws, 1, 4, chart);
    return workbook_close(wb);
}
