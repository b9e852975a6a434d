#!/usr/bin/env bash
# Gnumeric's ssconvert (Debian gnumeric) writing .xlsx from make/roster.csv: its own writer and its MS Excel 2007 one.
# Usage: gnumeric.sh OUTDIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
v="$(ssconvert --version | sed -n 's/.*version .\([0-9.]*\).*/\1/p' | head -1)"
ssconvert --export-type=Gnumeric_Excel:xlsx2 "$here/roster.csv" "$1/gnumeric${v}_xlsx2_from-csv.xlsx" 2> /dev/null
ssconvert --export-type=Gnumeric_Excel:xlsx "$here/roster.csv" "$1/gnumeric${v}_xlsx_from-csv.xlsx" 2> /dev/null
