#!/usr/bin/env bash
# Re-saves the files other writers made (test/corpus/files, all but LibreOffice's and the re-saves themselves)
# with LibreOffice (both .xlsx filters), Gnumeric (its ISO/IEC 29500 exporter) and openpyxl (load + save):
# each writer's own parts, namespaces and layout for the same mixes of notes, charts, merged cells, dates …
# Usage: resave.sh SRCDIR OUTDIR WORKDIR
set -uo pipefail
src="$1"; out="$2"; work="$3"
here="$(cd "$(dirname "$0")" && pwd)"
lo_version="$(soffice --version | awk '{print $2}' | cut -d. -f1-2)"
gn_version="$(ssconvert --version | sed -n 's/.*version .\([0-9.]*\).*/\1/p' | head -1)"
op_version="$(/usr/bin/python3 -c 'import openpyxl; print(openpyxl.__version__)')"
sources=()
for f in "$src"/*.xlsx; do
  b="$(basename "$f" .xlsx)"
  case "$b" in libreoffice*|*resaved*) continue ;; esac
  sources+=("$f")
done
for filter in "Calc MS Excel 2007 XML:excel2007-365" "Calc Office Open XML:ooxml"; do
  rm -rf "$work/lo" && mkdir -p "$work/lo"
  soffice --headless --norestore "-env:UserInstallation=file://$work/profile" --convert-to "xlsx:${filter%%:*}" --outdir "$work/lo" "${sources[@]}" > /dev/null 2>&1
  for f in "${sources[@]}"; do
    b="$(basename "$f" .xlsx)"
    [ -f "$work/lo/$b.xlsx" ] && mv "$work/lo/$b.xlsx" "$out/libreoffice${lo_version}_${filter##*:}_resaved-${b}.xlsx"
  done
done
for f in "${sources[@]}"; do
  b="$(basename "$f" .xlsx)"
  case "$b" in gnumeric*) ;; *) ssconvert --export-type=Gnumeric_Excel:xlsx2 "$f" "$out/gnumeric${gn_version}_xlsx2_resaved-${b}.xlsx" > /dev/null 2>&1 ;; esac
  case "$b" in openpyxl*) ;; *) /usr/bin/python3 -c 'import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])' "$f" "$out/openpyxl${op_version}_resaved-${b}.xlsx" 2> /dev/null ;; esac
done
