"""Generated pages opened in headless Chromium (selenium): the rendered DOM's
event rows, chips, removed item, UB row, tag highlight, and no console errors.
A screenshot of one page is kept in the output folder. Run with /usr/bin/python3:
Debian's python3-selenium and chromium-driver (scripts/packages.sh) are needed,
and their absence is a failure, never a skip."""
import argparse
import os
import re
import subprocess
import sys
import unittest

ARGS = None


def sbcheck(*args):
    return subprocess.run([ARGS.sbcheck, *args], capture_output=True, text=True, timeout=120)


def verbose_steps(trace, model):
    """replay --verbose's steps: [(line, [stack lines])], and the UB line or None."""
    out = sbcheck("replay", "--model", model, "--verbose", trace).stdout
    steps, ub = [], None
    for line in out.splitlines():
        m = re.match(r"  \[[^\]]+\] (\d+) \| ", line)
        if m:
            steps.append((int(m.group(1)), []))
        elif line.startswith("        ") and steps:
            steps[-1][1].append(line.strip())
        m = re.search(r"  UB at line (\d+)", line)
        if m:
            ub = int(m.group(1))
    return steps, ub


def make_driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1500,1000", "--force-device-scale-factor=1"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


FROZEN = "alloc x 4\nlet a = &mut x\nlet b = &a\nwrite a\nread b !ub\n"


class RenderedPage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        os.makedirs(ARGS.out, exist_ok=True)
        cls.pages = {}
        frozen = os.path.join(ARGS.out, "frozen.sbt")
        with open(frozen, "w") as f:
            f.write(FROZEN)
        jobs = {
            "frozen": ("replay", frozen),
            "seed_foo": ("replay", os.path.join(ARGS.source, "corpus/sbt/seed_foo.sbt")),
            "refcell": ("replay", os.path.join(ARGS.source, "corpus/sbt/seed_aliasing_refcell.sbt")),
            "cell": ("run", os.path.join(ARGS.source, "corpus/cell/oracle-unguarded-inner.cell")),
        }
        for name, (command, path) in jobs.items():
            page = os.path.join(ARGS.out, name + ".html")
            result = sbcheck(command, "--html", page, path)
            assert result.returncode in (0, 1), result.stderr
            cls.pages[name] = (path, page)
        cls.driver = make_driver()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def open(self, name):
        self.driver.get("file://" + self.pages[name][1])
        self.driver.get_log("browser")  # only this page's messages from now on

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def assert_no_console_errors(self):
        errors = [e for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]
        self.assertEqual(errors, [])

    def chips(self, line, alloc=None, model=None):
        sel = 'tr[data-line="%d"] td[data-alloc]' % line
        if alloc:
            sel += '[data-alloc="%s"]' % alloc
        if model:
            sel += '[data-model="%s"]' % model
        return self.js("""return Array.from(document.querySelectorAll(arguments[0])).map(td =>
            ({bytes: td.dataset.bytes, alloc: td.dataset.alloc, chips: Array.from(td.querySelectorAll('[data-perm]')).map(c =>
              ({perm: c.dataset.perm, tag: c.dataset.tag, tid: c.dataset.tid, removed: c.hasAttribute('data-removed'),
                granting: c.hasAttribute('data-granting'), isNew: c.hasAttribute('data-new'),
                prot: c.hasAttribute('data-protected')}))}))""", sel)

    def test_rows_and_stacks_equal_replay_verbose(self):
        for name in ("seed_foo", "refcell"):
            self.open(name)
            steps, ub = verbose_steps(self.pages[name][0], "sb2")
            lines = self.js("""return Array.from(document.querySelectorAll('tr[data-line]')).map(r => +r.dataset.line)""")
            self.assertEqual(len(lines), len(steps) + (1 if ub else 0), name)
            self.assertEqual(lines, [s[0] for s in steps] + ([ub] if ub else []))
            short = {"Unique": "Uniq", "SharedReadWrite": "SRW ", "SharedReadOnly": "SRO ", "Disabled": "Dis "}
            for index, (line, stacks) in enumerate(steps):
                for stack in stacks:
                    place, text = stack.split(": ", 1)
                    if text == "freed":
                        continue
                    alloc, bytes_ = re.match(r"(\w+)\[([\d.]+)\]", place).groups()
                    lo, _, hi = bytes_.partition("..")
                    lo, hi = int(lo), int(hi or int(lo) + 1)
                    cells = self.js("""return Array.from(document.querySelectorAll('tr[data-line]')[arguments[0]]
                        .querySelectorAll('td[data-model="sb2"][data-alloc="' + arguments[1] + '"]')).map(td =>
                        [td.dataset.bytes, Array.from(td.querySelectorAll('[data-perm]:not([data-removed])')).map(c =>
                          [c.dataset.perm, c.dataset.tid, c.hasAttribute('data-protected')])])""", index, alloc)
                    covered = 0
                    for cell_bytes, chips in cells:
                        a, b = map(int, cell_bytes.split(".."))
                        if b <= lo or hi <= a:
                            continue
                        covered += min(b, hi) - max(a, lo)
                        drawn = "[" + ", ".join("%s <%s>%s" % (short[p], "untagged" if t == "0" else t, "*" if pr else "")
                                                for p, t, pr in chips) + "]"
                        self.assertEqual(drawn, text, "%s line %d %s" % (name, line, place))
                    self.assertEqual(covered, hi - lo, "%s line %d %s" % (name, line, place))
            self.assert_no_console_errors()

    def test_removed_item_and_ub_row(self):
        self.open("frozen")
        row4 = self.chips(4, "x")[0]["chips"]
        self.assertEqual([c["perm"] for c in row4], ["Unique", "Unique", "SharedReadOnly"])
        self.assertEqual([c["tag"] for c in row4], ["x", "a", "b"])
        self.assertTrue(row4[2]["removed"])
        self.assertTrue(row4[1]["granting"])
        style = self.js("""var c = document.querySelector('tr[data-line="4"] [data-tag="b"][data-removed]');
            return getComputedStyle(c).textDecorationLine""")
        self.assertIn("line-through", style)
        ub_rows = self.js("return Array.from(document.querySelectorAll('tr[data-ub]')).map(r => [+r.dataset.line, r.innerText])")
        self.assertEqual(len(ub_rows), 1)
        self.assertEqual(ub_rows[0][0], 5)
        self.assertIn("no item grants <3> read access at x[0]", ub_rows[0][1])
        self.assertIn("was removed at line 4 (`write a`) by a write access via <2> (a)", ub_rows[0][1])
        background = self.js("return getComputedStyle(document.querySelector('tr[data-ub] td')).backgroundColor")
        r, g, b = map(int, re.findall(r"\d+", background)[:3])
        self.assertTrue(r > g and r > b, background)
        self.assert_no_console_errors()

    def test_hovering_a_tag_highlights_its_rows(self):
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.by import By
        self.open("frozen")
        chip = self.driver.find_element(By.CSS_SELECTOR, 'tr[data-line="3"] [data-tag="b"]')
        ActionChains(self.driver).move_to_element(chip).perform()
        lit = self.js("return Array.from(document.querySelectorAll('tr.hl')).map(r => +r.dataset.line)")
        self.assertEqual(lit, [3, 4, 5])  # created, removed, used by the failing read
        ActionChains(self.driver).move_to_element(self.driver.find_element(By.TAG_NAME, "h1")).perform()
        self.assertEqual(self.js("return document.querySelectorAll('tr.hl').length"), 0)
        self.assert_no_console_errors()

    def test_cell_page_and_screenshot(self):
        self.open("cell")
        lines = self.js("return Array.from(document.querySelectorAll('tr[data-line]')).map(r => +r.dataset.line)")
        self.assertEqual(lines, sorted(lines))
        self.assertEqual(self.js("return document.querySelectorAll('td[data-policy=\"unguarded-inner\"]').length > 0"), True)
        ub = self.js("return document.querySelector('tr[data-ub]').innerText")
        self.assertIn("the leak of iterator it", ub)
        self.assert_no_console_errors()
        height = self.js("return document.documentElement.scrollHeight")
        width = self.js("return document.documentElement.scrollWidth")
        self.driver.set_window_size(max(1200, width + 40), min(height + 140, 4000))
        path = os.path.join(ARGS.out, "screenshot.png")
        self.assertTrue(self.driver.save_screenshot(path))
        self.assertGreater(os.path.getsize(path), 10000)


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--sbcheck", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--out", required=True)
    ARGS, rest = parser.parse_known_args()
    ARGS.out = os.path.abspath(ARGS.out)
    for tool in ("/usr/bin/chromium", "/usr/bin/chromedriver"):
        if not os.path.exists(tool):
            sys.exit("browser test cannot run: %s is missing (scripts/packages.sh installs chromium-driver)" % tool)
    try:
        import selenium  # noqa: F401
    except ImportError:
        sys.exit("browser test cannot run: python3-selenium is missing (scripts/packages.sh installs it)")
    unittest.main(argv=[sys.argv[0], "-v", *rest])


if __name__ == "__main__":
    main()
