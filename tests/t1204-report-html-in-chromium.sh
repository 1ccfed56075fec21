# orchgen report --html writes one self-contained page that a real browser
# renders: the suite x distro matrix with a word per status, each failure
# with its log's tail and a link to the whole log, nothing fetched.
. "$TOP/tests/lib.sh"
base_image
report_project
expect_exit 1 "$ORCHGEN" report --html=out/report.html
! grep -q 'http://\|https://\|<script\|src=' out/report.html || fail "the page fetches something"
chrome=$(command -v chromium || command -v chromium-browser) || fail "no chromium"
run_chromium() {
	"$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$T/chrome" "$@" 2>>"$T/chrome.err"
}
run_chromium --dump-dom "file://$P/out/report.html" >"$T/dom.html" || fail "chromium failed: $(tail -5 "$T/chrome.err")"
python3 - "$T/dom.html" <<'PY' || fail "the page's DOM is not as expected"
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.cells = []; self.in_td = None; self.links = []; self.pre = ""; self.in_pre = False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "td": self.in_td = [a.get("class", ""), ""]
        if tag == "a": self.links.append(a.get("href", ""))
        if tag == "pre": self.in_pre = True
    def handle_endtag(self, tag):
        if tag == "td": self.cells.append(tuple(self.in_td)); self.in_td = None
        if tag == "pre": self.in_pre = False
    def handle_data(self, d):
        if self.in_td is not None: self.in_td[1] += d
        if self.in_pre: self.pre += d
p = P(); p.feed(open(sys.argv[1]).read())
classes = sorted(c for c, _ in p.cells)
assert classes.count("fail") == 2 and classes.count("pass") == 2 and classes.count("skip") == 2, p.cells
for cls, text in p.cells:
    assert text.startswith(cls), ("a cell whose colour is its only word", cls, text)
assert "about to break <&> on alpha" in p.pre, p.pre
assert "../.orch/logs/alpha/broken.log" in p.links, p.links
PY
run_chromium --screenshot="$T/report.png" --window-size=1280,900 "file://$P/out/report.html" || true
run_chromium --screenshot="$T/report-phone.png" --window-size=390,844 "file://$P/out/report.html" || true
