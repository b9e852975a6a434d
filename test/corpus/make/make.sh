#!/usr/bin/env bash
# Re-makes the corpus files written on this kind of machine (Debian packages: libreoffice-calc-nogui,
# python3-openpyxl, python3-xlsxwriter, libexcel-writer-xlsx-perl, gnumeric, libxlsxwriter-dev and gcc;
# from the npm registry, in a scratch folder: xlsx (SheetJS CE), xlsx-populate, excel4node) into
# test/corpus/files/ and test/corpus/broken/.
# Not run by the tests: the files are committed; SOURCES.md says which program wrote each.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../files"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
profile="-env:UserInstallation=file://$work/profile"
lo_version="$(soffice --version | awk '{print $2}' | cut -d. -f1-2)"
lo() { soffice --headless --norestore "$profile" --convert-to "$1" --outdir "$2" "$3" > /dev/null; }

# LibreOffice from hand-written sources: both .xlsx filters; the null date 1899-12-30 and 1904-01-01.
for nd in 1899-12-30 1904-01-01; do
  sed "s/NULLDATE/$nd/" "$here/notes.fods" > "$work/notes.fods"
  for filter in "Calc MS Excel 2007 XML:excel2007-365" "Calc Office Open XML:ooxml"; do
    mkdir -p "$work/o"; lo "xlsx:${filter%%:*}" "$work/o" "$work/notes.fods"
    tag=""; [ "$nd" = 1904-01-01 ] && tag="-1904"
    mv "$work/o/notes.xlsx" "$out/libreoffice${lo_version}_${filter##*:}_notes-merged${tag}.xlsx"
  done
done
mkdir -p "$work/o"; lo "xlsx:Calc MS Excel 2007 XML" "$work/o" "$here/roster.csv"
mv "$work/o/roster.xlsx" "$out/libreoffice${lo_version}_excel2007-365_from-csv.xlsx"

/usr/bin/python3 "$here/openpyxl_files.py" "$out"
/usr/bin/python3 "$here/xlsxwriter_files.py" "$work"
cp "$work"/xlsxwriter*.xlsx "$out/"
perl "$here/writer_xlsx.pl" "$out"

# LibreOffice re-saving what XlsxWriter wrote (its chart, chart sheet, notes, image and button), both filters.
for filter in "Calc MS Excel 2007 XML:excel2007-365" "Calc Office Open XML:ooxml"; do
  mkdir -p "$work/o2"; lo "xlsx:${filter%%:*}" "$work/o2" "$(ls "$work"/xlsxwriter*_chart-notes-richtext.xlsx)"
  mv "$work"/o2/*.xlsx "$out/libreoffice${lo_version}_${filter##*:}_resaved-xlsxwriter-chart.xlsx"
done


# Gnumeric (both of its .xlsx exporters), libxlsxwriter (C), and three writers from the npm registry.
bash "$here/gnumeric.sh" "$out"
gcc -o "$work/lxw" "$here/libxlsxwriter.c" -lxlsxwriter && "$work/lxw" "$out"
(cd "$work" && npm init -y > /dev/null && npm install --no-audit --no-fund xlsx@0.18.5 xlsx-populate@1.21.0 excel4node@1.8.2 > /dev/null)
NODE_PATH="$work/node_modules" node "$here/npm_writers.js" "$out"

# Broken or odd (test/corpus/broken): the annual table of annual.ts, saved by LibreOffice as .xls and as .ods, renamed .xlsx.
broken="$here/../broken"
mkdir -p "$work/o3"
soffice --headless --norestore "$profile" --infilter="CSV:44,34,76,1" --convert-to 'xls:MS Excel 97' --outdir "$work/o3" "$here/annual.csv" > /dev/null
soffice --headless --norestore "$profile" --infilter="CSV:44,34,76,1" --convert-to ods --outdir "$work/o3" "$here/annual.csv" > /dev/null
mv "$work/o3/annual.xls" "$broken/libreoffice${lo_version}_xls-renamed.xlsx"
mv "$work/o3/annual.ods" "$broken/libreoffice${lo_version}_ods-renamed.xlsx"

# Re-saves of the files above by LibreOffice (both filters), Gnumeric and openpyxl (make/resave.sh).
bash "$here/resave.sh" "$out" "$out" "$work/resave"
