#!/usr/bin/env bash
# Generates the demo evidence files (tài liệu minh chứng) that `thidua seed-demo` attaches to
# the demo reports: small PDFs (plans, data tables) and JPEG "photos" (drawn scenes with a
# Vietnamese caption), written from the HTML below by LibreOffice and pdftoppm. The results
# are committed under backend/api/src/seed/evidence/ and compiled into the binary, so seeding
# needs neither tool; run this again only to change them.
#
#   scripts/demo-evidence.sh
#
# Needs (Debian): libreoffice-writer poppler-utils fonts-dejavu-core fonts-liberation2
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$REPO/backend/api/src/seed/evidence
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
LO=$(command -v libreoffice || command -v soffice) || { echo "libreoffice is needed" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "pdftoppm (poppler-utils) is needed" >&2; exit 1; }
mkdir -p "$OUT"

doc() { # NAME TITLE BODY-HTML: an A4 document in Times New Roman
  cat >"$WORK/$1.html" <<HTML
<html><head><meta charset="utf-8"><style>
body { font-family: 'Liberation Serif', 'Times New Roman'; font-size: 13pt; }
h1 { font-size: 14pt; text-align: center; } p { text-align: justify; }
table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #000; padding: 3px; }
.head { text-align: center; font-weight: bold; }
</style></head><body>
<p class="head">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</p>
<h1>$2</h1>
$3
</body></html>
HTML
}

photo() { # NAME BACKGROUND ACCENT CAPTION: a landscape "photo" with shapes and a caption
  cat >"$WORK/$1.html" <<HTML
<html><head><meta charset="utf-8"><style>
@page { size: 16cm 10.5cm; margin: 0; }
body { margin: 0; font-family: 'DejaVu Sans'; }
.scene { width: 16cm; height: 10.5cm; background: $2; position: relative; }
.sun { position: absolute; left: 12cm; top: 1cm; width: 2cm; height: 2cm; background: #f6d365; }
.wall { position: absolute; left: 1cm; top: 3cm; width: 9cm; height: 5cm; background: $3; }
.door { position: absolute; left: 4.5cm; top: 5cm; width: 2cm; height: 3cm; background: #5b3a29; }
.cap { position: absolute; left: 0; top: 8.6cm; width: 16cm; height: 1.9cm; background: #000000;
       color: #ffffff; font-size: 13pt; text-align: center; padding-top: 0.4cm; }
</style></head><body bgcolor="$2"><div class="scene"><div class="sun"></div><div class="wall"></div>
<div class="door"></div><div class="cap">$4</div></div></body></html>
HTML
}

doc ke-hoach-so-hoa-tuyen-sinh "KẾ HOẠCH<br>Triển khai số hóa hồ sơ tuyển sinh mầm non trực tuyến năm học 2023 - 2024" '
<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>
<p>Tiếp nhận 100% hồ sơ tuyển sinh qua Cổng dịch vụ công trực tuyến; phụ huynh không phải nộp bản giấy; rút ngắn thời gian giải quyết từ 5 ngày xuống 2 ngày làm việc.</p>
<p><b>II. NỘI DUNG THỰC HIỆN</b></p>
<table><tr><th>STT</th><th>Nội dung</th><th>Thời gian</th><th>Phụ trách</th></tr>
<tr><td>1</td><td>Khảo sát nhu cầu, lập danh sách phụ huynh</td><td>01/5 – 10/5/2023</td><td>Tổ văn phòng</td></tr>
<tr><td>2</td><td>Tập huấn phụ huynh nộp hồ sơ trực tuyến</td><td>15/5/2023</td><td>Phó Hiệu trưởng</td></tr>
<tr><td>3</td><td>Tiếp nhận, xử lý hồ sơ trên hệ thống</td><td>01/6 – 30/7/2023</td><td>Tổ tuyển sinh</td></tr></table>
<p><b>III. TỔ CHỨC THỰC HIỆN</b></p>
<p>Các tổ chuyên môn và bộ phận văn phòng căn cứ Kế hoạch này triển khai thực hiện, báo cáo kết quả về Ban Giám hiệu trước ngày 05 hằng tháng.</p>'

doc so-lieu-tuyen-sinh-dot1 "BẢNG SỐ LIỆU<br>Tiếp nhận hồ sơ tuyển sinh trực tuyến Đợt 1 năm 2023" '
<table><tr><th>Tháng</th><th>Hồ sơ trực tuyến</th><th>Hồ sơ giấy</th><th>Tỷ lệ trực tuyến</th><th>Thời gian xử lý bình quân</th></tr>
<tr><td>Tháng 4/2023</td><td>38</td><td>72</td><td>34,5%</td><td>4,5 ngày</td></tr>
<tr><td>Tháng 5/2023</td><td>126</td><td>41</td><td>75,4%</td><td>2,8 ngày</td></tr>
<tr><td>Tháng 6/2023 (đến ngày 08)</td><td>148</td><td>12</td><td>92,5%</td><td>1,9 ngày</td></tr>
<tr><td><b>Cộng</b></td><td><b>312</b></td><td><b>125</b></td><td><b>71,4%</b></td><td></td></tr></table>
<p>Nguồn: Hệ thống tuyển sinh đầu cấp của Thành phố, trích xuất ngày 08/6/2023.</p>'

doc ke-hoach-thu-vien-so "KẾ HOẠCH<br>Xây dựng thư viện số cho học sinh tiểu học năm 2023" '
<p><b>I. MỤC TIÊU</b></p>
<p>Số hóa 1.200 đầu sách, mở tài khoản đọc trực tuyến cho 100% học sinh khối 3 đến khối 5; giảm thủ tục mượn, trả sách tại thư viện.</p>
<p><b>II. LỘ TRÌNH</b></p>
<table><tr><th>STT</th><th>Công việc</th><th>Thời hạn</th></tr>
<tr><td>1</td><td>Chọn nền tảng thư viện số, tập huấn giáo viên</td><td>31/5/2023</td></tr>
<tr><td>2</td><td>Số hóa đầu sách, cấp tài khoản học sinh</td><td>31/8/2023</td></tr>
<tr><td>3</td><td>Đánh giá mức độ sử dụng, điều chỉnh</td><td>30/11/2023</td></tr></table>'

photo anh-tap-huan-phu-huynh "#9fd3f0" "#e8e0c8" "Tập huấn phụ huynh nộp hồ sơ tuyển sinh trực tuyến – 15/5/2023"
photo anh-ban-ho-tro "#b9e4c9" "#f2d7b6" "Bàn hỗ trợ phụ huynh tại Trường Mầm non Cô Giang"
photo anh-thu-vien-so "#f4c7c3" "#d7e3fc" "Học sinh đọc sách trên thư viện số – Trường Tiểu học Trần Hưng Đạo"

cd "$WORK"
"$LO" --headless --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$WORK" ./*.html >/dev/null 2>&1
for name in ke-hoach-so-hoa-tuyen-sinh so-lieu-tuyen-sinh-dot1 ke-hoach-thu-vien-so; do
  cp "$WORK/$name.pdf" "$OUT/$name.pdf"
done
for name in anh-tap-huan-phu-huynh anh-ban-ho-tro anh-thu-vien-so; do
  pdftoppm -jpeg -jpegopt quality=70 -r 72 -singlefile "$WORK/$name.pdf" "$OUT/$name"
done
ls -l "$OUT"
