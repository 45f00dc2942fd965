"""Hostile and broken files in one batch beside valid ones (issue "Trustworthy batches").

Every file is generated here (nothing large is committed). The batch runs once, in
a subprocess with worker processes, while a sampler adds up the resident memory of
the whole process tree. Each hostile file must get a clear outcome; the valid files
must come out exactly as when ingested alone.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
      'officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
SECRET = "TOP-SECRET-7f3a9c-do-not-leak"
MiB = 1024 * 1024


def p(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def document_xml(body: str, prolog: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
            f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')


def write_docx(path: Path, body: str, prolog: str = "", **parts: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", document_xml(body, prolog))
        for name, data in parts.items():
            z.writestr(name.replace("__", "/"), data)
    return path


def table(rows: list[list[str]]) -> str:
    return "<w:tbl>" + "".join(
        "<w:tr>" + "".join(f"<w:tc>{cell}</w:tc>" for cell in row) + "</w:tr>" for row in rows) + "</w:tbl>"


def big_table_docx(path: Path, n_rows: int) -> Path:
    rows = [[p("Activity"), p("Lead"), p("Timeline")]]
    rows += [[p(f"{chr(97 + i % 26)}) Review {i} of the national guidance {i * 7919 % 100003}"),
              p("UNEP"), p("Q3 2021")] for i in range(n_rows)]
    return write_docx(path, p("1. Focus area one") + table(rows))


def zip_bomb(path: Path, inflated: int = 130 * MiB) -> Path:
    """A .docx whose document.xml inflates to `inflated` bytes from ~130 KB."""
    unit = b"<w:p><w:r><w:t>lol</w:t></w:r></w:p>" * 1000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        with z.open("word/document.xml", "w") as f:
            f.write(f'<w:document xmlns:w="{W_NS}"><w:body>'.encode())
            for _ in range(inflated // len(unit)):
                f.write(unit)
            f.write(b"</w:body></w:document>")
    return path


def forge_size(src: Path, dest: Path, part: str, declared: int) -> Path:
    """A copy of a zip whose directory declares `declared` bytes for `part`."""
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as z:
        info = z.getinfo(part)
    name = part.encode()
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:  # central directory records
        n = int.from_bytes(data[at + 28:at + 30], "little")
        if data[at + 46:at + 46 + n] == name:
            data[at + 24:at + 28] = declared.to_bytes(4, "little")
        at += 4
    local = info.header_offset
    data[local + 22:local + 26] = declared.to_bytes(4, "little")
    dest.write_bytes(bytes(data))
    return dest


def ole2(path: Path, *stream_names: str) -> Path:
    """A minimal OLE2 compound file whose directory names the given streams.

    Only the magic and the UTF-16LE directory names matter to the pipeline (see
    parsers/legacy.py), so the sectors are filler."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    names = b"".join(n.encode("utf-16-le").ljust(64, b"\x00") + b"\x00" * 64 for n in stream_names)
    path.write_bytes(header + names.ljust(4096, b"\x00"))
    return path


def pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R ".encode() + trailer_extra
    out += f">>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def image_only_pdf() -> bytes:
    pixels = bytes(range(256)) * 3
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R "
                b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
                b"<< /Length 33 >>\nstream\nq 200 0 0 200 0 0 cm /Im1 Do Q\nendstream",
                b"<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceRGB "
                b"/BitsPerComponent 8 /Length 768 >>\nstream\n" + pixels + b"\nendstream"])


def encrypted_pdf() -> bytes:
    # A Standard security handler whose user password is not empty: pdfminer cannot
    # open it without the password, which is what a protected PDF looks like to us.
    o, u = "4f" * 32, "a5" * 32
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
                f"<< /Filter /Standard /V 1 /R 2 /O <{o}> /U <{u}> /P -44 >>".encode()],
               b"/Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ")


def nested_tables(depth: int) -> str:
    inner = p("a) innermost activity")
    for level in range(depth):
        inner = table([[p(f"Level {level}"), inner]])
    return p("1. Focus area") + inner


VALID = {  # name in the batch -> source in the shared folder
    "emg-workplan-2018.docx": "fixtures/emg-workplan-2018.docx",
    "Plan d’action – été 2021 (v2).docx": "fixtures/img-hre-draft-workplan.docx",
    "emg workplan 2018 export.txt": "seeds/emg-workplan-2018.txt",
}

# name -> (expected status, expected error code or None, words the error must contain)
EXPECTED = {
    "empty.txt": ("failed", "unreadable_file", "empty"),
    "empty.docx": ("failed", "unsupported_format", "empty"),
    "notes.docx": ("failed", "unsupported_format", "rename it to .txt"),
    "photo.txt": ("failed", "unsupported_format", "png image"),
    "truncated.docx": ("failed", "unreadable_file", "truncated"),
    "corrupt.docx": ("failed", "unreadable_file", "corrupt"),
    "bomb-ratio.docx": ("failed", "limit_exceeded", "zip bomb"),
    "bomb-total.docx": ("failed", "limit_exceeded", "--max-uncompressed"),
    "many-entries.docx": ("failed", "limit_exceeded", "entries"),
    "forged-size.docx": ("failed", "unreadable_file", "forged"),
    "encrypted.docx": ("failed", "encrypted", "remove the password"),
    "legacy.doc": ("failed", "legacy_format", "save it as .docx"),
    "malformed.pdf": ("failed", "unreadable_file", "damaged pdf"),
    "encrypted.pdf": ("failed", "encrypted", "remove the password"),
    "scan.pdf": ("failed", None, ""),  # no_text_layer once a PDF reader is installed
    "macro.docm": ("ok", None, ""),
    "utf16.txt": ("ok", None, ""),
    "utf16-nobom.txt": ("ok", None, ""),
    "cp1252.txt": ("ok", None, ""),
    "nul bytes.txt": ("ok", None, ""),
    "one-line.txt": ("ok", None, ""),
    "table-20000-rows.docx": ("ok", None, ""),
    "nested-tables.docx": ("ok", None, ""),
    "xxe.docx": ("failed", "dtd_not_allowed", "word/document.xml declares a DTD"),
    "billion-laughs.docx": ("failed", "dtd_not_allowed", "word/document.xml declares a DTD"),
    "Ωμέγα план 計画.txt": ("ok", None, ""),
}


def build_corpus(folder: Path, shared: Path, outside: Path) -> None:
    for name, src in VALID.items():
        shutil.copy(shared / src, folder / name)
    fixture = shared / "fixtures" / "emg-workplan-2018.docx"
    seed = (shared / "seeds" / "img-hre-draft-workplan.txt").read_text(encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "empty.docx").write_bytes(b"")
    (folder / "notes.docx").write_text("Work plan 2021\n1. Focus area\na) Draft guidance\n", encoding="utf-8")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    data = fixture.read_bytes()
    (folder / "truncated.docx").write_bytes(data[: len(data) // 2])
    with zipfile.ZipFile(fixture) as z:
        info = z.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 200
    corrupt = bytearray(data)
    corrupt[start:start + 64] = bytes(64)
    (folder / "corrupt.docx").write_bytes(bytes(corrupt))
    zip_bomb(folder / "bomb-ratio.docx")
    with zipfile.ZipFile(folder / "bomb-total.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", document_xml(p("x")))
        chunk = b"\x00" * (MiB - 1)  # under the ratio floor, so only the total catches it
        for i in range(220):
            z.writestr(f"word/media/pad{i}.bin", chunk)
    with zipfile.ZipFile(folder / "many-entries.docx", "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", document_xml(p("x")))
        for i in range(12_000):
            z.writestr(f"x/{i}", b"")
    forge_size(write_docx(folder / "forge-src.tmp", p("Forged " * 20000)), folder / "forged-size.docx",
               "word/document.xml", 2000)
    (folder / "forge-src.tmp").unlink()
    ole2(folder / "encrypted.docx", "Root Entry", "EncryptionInfo", "EncryptedPackage")
    ole2(folder / "legacy.doc", "Root Entry", "WordDocument", "1Table", "SummaryInformation")
    (folder / "malformed.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R\n%%EO")
    (folder / "encrypted.pdf").write_bytes(encrypted_pdf())
    (folder / "scan.pdf").write_bytes(image_only_pdf())
    with zipfile.ZipFile(fixture) as src, zipfile.ZipFile(folder / "macro.docm", "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            z.writestr(item, src.read(item))
        z.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0Attribute VB_Name = \"AutoOpen\"\nShell \"calc\"")
    (folder / "utf16.txt").write_bytes(seed.encode("utf-16"))
    (folder / "utf16-nobom.txt").write_bytes(seed.replace("Draft", "Brouillon").encode("utf-16-le"))
    (folder / "cp1252.txt").write_bytes((seed + "\nCoût estimé – « suivi » – Août 2021\n").encode("cp1252", "replace"))
    (folder / "nul bytes.txt").write_bytes(seed.replace("\n", "\n\x00", 3).encode("utf-8") + b"\x00")
    (folder / "one-line.txt").write_text("Work plan 2021: " + "support the review of guidance; " * 150_000,
                                          encoding="utf-8")
    big_table_docx(folder / "table-20000-rows.docx", 20_000)
    write_docx(folder / "nested-tables.docx", nested_tables(40))
    secret = outside / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    xxe = (f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">'
           f'<!ENTITY % remote SYSTEM "{secret.as_uri()}"> %remote;]>')
    core = (f'<?xml version="1.0"?><!DOCTYPE cp:coreProperties [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>&xxe;</dc:title></cp:coreProperties>')
    write_docx(folder / "xxe.docx", p("1. Focus area &xxe;") + p("a) Leak &xxe; here"), xxe,
               **{"docProps/core.xml": core})
    lol = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    laughs = f'<!DOCTYPE w:document [<!ENTITY lol0 "lol">{lol}]>'
    write_docx(folder / "billion-laughs.docx", p("1. Focus area") + p("a) &lol9;"), laughs)
    (folder / "Ωμέγα план 計画.txt").write_text(seed + "\nΣημείωση: план 計画.\n", encoding="utf-8")
    # Symlinks: one leaving the input root (never followed), one staying inside it.
    (outside / "outside-plan.txt").write_text(f"Work plan\n1. {SECRET}\n", encoding="utf-8")
    (folder / "link-out.txt").symlink_to(outside / "outside-plan.txt")
    (folder / "linked-dir").symlink_to(outside, target_is_directory=True)
    (folder / "link-in.txt").symlink_to(folder / "emg workplan 2018 export.txt")


csv.field_size_limit(sys.maxsize)  # one-line.txt yields a 4.8 MB title


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _tree_rss(root_pid: int) -> int:
    """Resident bytes of a process and all its descendants, from /proc."""
    parents, rss = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [root_pid]
    children: dict[int, list[int]] = {}
    for pid, ppid in parents.items():
        children.setdefault(ppid, []).append(pid)
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def run_cli(args: list[str], sample: bool = False) -> tuple[subprocess.CompletedProcess, int]:
    """Run `workplan-ingest` in a subprocess; (result, peak tree RSS in bytes if sampled)."""
    proc = subprocess.Popen([sys.executable, "-m", "ingest.cli", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = [0]
    done = threading.Event()

    def sampler():
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            time.sleep(0.05)

    thread = threading.Thread(target=sampler, daemon=True)
    if sample:
        thread.start()
    stdout, stderr = proc.communicate(timeout=600)
    done.set()
    if sample:
        thread.join()
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr), peak[0]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, shared_dir):
    base = tmp_path_factory.mktemp("hostile")
    folder, outside = base / "in", base / "outside"
    folder.mkdir()
    outside.mkdir()
    build_corpus(folder, shared_dir, outside)
    out = base / "out"
    result, peak = run_cli(["run", str(folder), "--out", str(out), "--quiet", "--workers", "2",
                            "--timeout", "60"], sample=sys.platform.startswith("linux"))
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    return folder, out, peak


def by_name(out: Path) -> dict[str, dict]:
    return {Path(d["source_path"]).name: d for d in read_csv(out / "documents.csv")}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file_gets_a_clear_outcome(hostile, name):
    _, out, _ = hostile
    status, code, words = EXPECTED[name]
    doc = by_name(out)[name]
    if name == "scan.pdf":
        import importlib.util
        code = "no_text_layer" if importlib.util.find_spec("parsers.pdf") else "unsupported_format"
    assert doc["status"] == status, (name, doc["error"])
    diags = [d for d in read_csv(out / "diagnostics.csv") if d["source_path"] == doc["source_path"]]
    if status == "failed":
        assert words.lower() in doc["error"].lower(), doc["error"]
        errors = [d for d in diags if d["severity"] == "error"]
        assert len(errors) == 1 and errors[0]["code"] == code, errors
        assert errors[0]["message"] == doc["error"]
    else:
        assert not doc["error"]
        assert not [d for d in diags if d["severity"] == "error"], diags


def test_hostile_symlinks_never_leave_the_input_root(hostile):
    folder, out, _ = hostile
    names = by_name(out)
    assert "link-out.txt" not in names and "outside-plan.txt" not in names
    assert names["link-in.txt"]["status"] == "duplicate"  # a link inside the root is a file like any other
    for csv_path in out.glob("*.csv"):
        assert SECRET not in csv_path.read_text(encoding="utf-8"), csv_path.name


def test_hostile_no_secret_reaches_any_output(hostile):
    _, out, _ = hostile
    for path in sorted(out.iterdir()):  # tables in both formats, run.json, the ledger
        assert SECRET.encode() not in path.read_bytes(), path.name


def test_hostile_entities_are_never_expanded(tmp_path):
    """A DTD anywhere in a .docx refuses the file (dtd_not_allowed, naming the part):
    no entity, external or internal, is ever expanded."""
    import parsers
    from parsers.errors import DtdNotAllowed

    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    core = (f'<?xml version="1.0"?><!DOCTYPE cp:coreProperties [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>&xxe;</dc:title></cp:coreProperties>')
    lol = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    cases = [
        (write_docx(tmp_path / "x.docx", p("a) Leak &xxe; here"), prolog), "word/document.xml"),
        (write_docx(tmp_path / "core.docx", p("a) Plain text"), **{"docProps/core.xml": core}), "docProps/core.xml"),
        (write_docx(tmp_path / "lol.docx", p("a) &lol9;"), f'<!DOCTYPE w:document [<!ENTITY lol0 "lol">{lol}]>'),
         "word/document.xml"),
    ]
    for path, part in cases:
        with pytest.raises(DtdNotAllowed) as err:
            parsers.parse(path)
        assert err.value.part == part and SECRET not in str(err.value) and "lollol" not in str(err.value)


def test_hostile_macros_are_reported_not_run(hostile):
    _, out, _ = hostile
    docs = by_name(out)
    assert docs["macro.docm"]["n_activities"] == docs["emg-workplan-2018.docx"]["n_activities"]
    codes = [d["code"] for d in read_csv(out / "diagnostics.csv") if d["source_path"] == docs["macro.docm"]["source_path"]]
    assert "macros_ignored" in codes


def test_hostile_big_inputs_are_read_whole(hostile):
    _, out, _ = hostile
    docs = by_name(out)
    assert int(docs["table-20000-rows.docx"]["n_activities"]) >= 19_990
    assert int(docs["utf16.txt"]["n_activities"]) == int(docs["utf16-nobom.txt"]["n_activities"]) > 40


def test_hostile_batch_peak_memory_under_1_gib(hostile):
    _, _, peak = hostile
    if not sys.platform.startswith("linux"):
        pytest.skip("the process-tree sampler reads /proc")
    assert 0 < peak < 1024 * MiB, f"peak resident memory of the batch: {peak / MiB:.0f} MiB"


def test_hostile_valid_files_come_out_as_when_alone(hostile, tmp_path):
    folder, out, _ = hostile
    alone = tmp_path / "alone"
    alone.mkdir()
    for name in VALID:
        shutil.copy(folder / name, alone / name)
    result, _ = run_cli(["run", str(alone), "--out", str(tmp_path / "out"), "--quiet", "--workers", "0"])
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    ids = {d["doc_id"] for d in read_csv(tmp_path / "out" / "documents.csv")}
    assert len(ids) == len(VALID)
    for csv_path in sorted((tmp_path / "out").glob("*.csv")):
        mine = [r for r in read_csv(csv_path) if r.get("doc_id") in ids]
        theirs = [r for r in read_csv(out / csv_path.name) if r.get("doc_id") in ids]
        for rows in (mine, theirs):  # the folders differ, the file names do not
            for r in rows:
                if "source_path" in r:
                    r["source_path"] = Path(r["source_path"]).name
        # The batch also holds a link to one of them (a duplicate): rows of other paths go.
        theirs = [r for r in theirs if r.get("source_path", next(iter(VALID))) in VALID]
        assert mine == theirs, csv_path.name
