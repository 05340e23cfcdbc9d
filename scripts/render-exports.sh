#!/usr/bin/env bash
# Render office exports (.xlsx, .docx) to PDF and PNG pages, to look at them as a person would.
#
#   scripts/render-exports.sh IN_DIR [OUT_DIR]
#
# Every NAME.xlsx and NAME.docx in IN_DIR is converted by LibreOffice (headless) to
# OUT_DIR/NAME-xlsx.pdf (or -docx.pdf), and each PDF page to OUT_DIR/NAME-xlsx-N.png by
# pdftoppm at 80 dpi (RENDER_DPI to change). OUT_DIR defaults to IN_DIR/rendered. Then look
# at the PNGs: diacritics, the Decree 30/2020 heading, nothing cut off at the page edge.
#
# Needs (Debian): apt-get install -y --no-install-recommends libreoffice-writer \
#   libreoffice-calc poppler-utils fonts-liberation2 fonts-crosextra-carlito
# The exports ask for Times New Roman; Liberation Serif (fonts-liberation2) stands in for it
# with the same metrics and full Vietnamese coverage, so lines break where Word breaks them.
# Column widths in an .xlsx are counted in the default font Calibri: without its stand-in
# Carlito (fonts-crosextra-carlito) LibreOffice draws every column too wide.
set -euo pipefail

die() { echo "render-exports: $*" >&2; exit 1; }

[[ $# -ge 1 && -d $1 ]] || die "usage: $0 IN_DIR [OUT_DIR] (IN_DIR must be a folder)"
IN=$1
OUT=${2:-$IN/rendered}
DPI=${RENDER_DPI:-80}

LO=$(command -v libreoffice || command -v soffice || true)
[[ -n $LO ]] || die "libreoffice is not installed (apt-get install libreoffice-writer libreoffice-calc)"
command -v pdftoppm >/dev/null || die "pdftoppm is not installed (apt-get install poppler-utils)"
fc-match -f '%{family}\n' 'Times New Roman' | grep -qiE 'times|liberation serif' ||
  echo "render-exports: warning: no Times New Roman stand-in; install fonts-liberation2" >&2
fc-match -f '%{family}\n' Calibri | grep -qiE 'calibri|carlito' ||
  echo "render-exports: warning: no Calibri stand-in; install fonts-crosextra-carlito" >&2

shopt -s nullglob
files=("$IN"/*.xlsx "$IN"/*.docx)
[[ ${#files[@]} -gt 0 ]] || die "no .xlsx or .docx files in $IN"
mkdir -p "$OUT"

# A private profile: no clash with a running LibreOffice, no first-start dialogs.
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT

for f in "${files[@]}"; do
  name=$(basename "${f%.*}")
  ext=${f##*.}
  pdf="$OUT/$name-$ext.pdf"
  rm -f "$OUT/$name.pdf"
  log=$("$LO" -env:UserInstallation="file://$PROFILE" --headless --convert-to pdf \
    --outdir "$OUT" "$f" 2>&1) || die "libreoffice failed on $f: $log"
  [[ -f $OUT/$name.pdf ]] || die "libreoffice made no PDF of $f: $log"
  # Keep the .xlsx and .docx of one export apart.
  mv "$OUT/$name.pdf" "$pdf"
  pdftoppm -r "$DPI" -png "$pdf" "$OUT/$name-$ext"
  echo "$f -> $pdf ($(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/{print $2}') pages)"
done
ls "$OUT"/*.png
