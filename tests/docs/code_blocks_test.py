"""Every code block of docs/check-your-cell.md that names a file
(```cpp file=PATH) is that file, verbatim — and those files are built and
run against the installed package by ctest install_consumer."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
doc = (root / "docs" / "check-your-cell.md").read_text()
blocks = re.findall(r"^```\w+ file=(\S+)\n(.*?)^```$", doc, re.S | re.M)
assert len(blocks) >= 5, f"expected the tutorial's file blocks, found {len(blocks)}"
for path, text in blocks:
    actual = (root / path).read_text()
    assert text == actual, f"docs/check-your-cell.md's block for {path} differs from the file"
print(f"{len(blocks)} blocks match their files")
