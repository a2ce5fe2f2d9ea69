"""Forwarder DLLs for a throwaway Wine 8 prefix: two Windows 10 DLLs Wine 8 does not have."""

# cryptography's Rust extension (_rust.pyd) imports ProcessPrng from bcryptprimitives.dll and
# WaitOnAddress & co from api-ms-win-core-synch-l1-2-0.dll. Every Windows 10/11 has both;
# Wine 8 has the functions under other DLL names only. A DLL made of nothing but export
# forwarders (no code) points the loader at them; it goes into the test's prefix, never
# into the installer.

from __future__ import annotations

import struct
from pathlib import Path

# DLL name → {exported name: "target_dll.function"}. ProcessPrng(buffer, size) always
# returns TRUE and Rust ignores it; RtlGenRandom (SystemFunction036) fills the buffer alike.
SHIMS: dict[str, dict[str, str]] = {
    "bcryptprimitives.dll": {"ProcessPrng": "advapi32.SystemFunction036"},
    "api-ms-win-core-synch-l1-2-0.dll": {
        "WaitOnAddress": "kernelbase.WaitOnAddress",
        "WakeByAddressAll": "kernelbase.WakeByAddressAll",
        "WakeByAddressSingle": "kernelbase.WakeByAddressSingle",
    },
}

_ALIGN = 0x200
_SECTION_RVA = 0x1000


def _export_section(dll: str, forwards: dict[str, str]) -> bytes:
    """The .edata section: export directory, address/name/ordinal tables and strings."""
    names = sorted(forwards)
    count = len(names)
    directory = 40
    addresses = directory
    name_pointers = addresses + 4 * count
    ordinals = name_pointers + 4 * count
    strings = bytearray()
    strings_start = ordinals + 2 * count

    def add(text: str) -> int:
        offset = strings_start + len(strings)
        strings.extend(text.encode("ascii") + b"\0")
        return _SECTION_RVA + offset

    dll_rva = add(dll)
    name_rvas = [add(name) for name in names]
    forward_rvas = [add(forwards[name]) for name in names]
    size = strings_start + len(strings)
    body = struct.pack(
        "<IIHHIIIIIII",
        0, 0, 0, 0, dll_rva, 1, count, count,
        _SECTION_RVA + addresses, _SECTION_RVA + name_pointers, _SECTION_RVA + ordinals,
    )  # fmt: skip
    body += struct.pack(f"<{count}I", *forward_rvas)
    body += struct.pack(f"<{count}I", *name_rvas)
    body += struct.pack(f"<{count}H", *range(count))
    body += bytes(strings)
    assert len(body) == size
    return body


def forwarder_dll(dll: str, forwards: dict[str, str]) -> bytes:
    """A PE32+ DLL (x86-64) that only forwards its exports (every RVA inside .edata)."""
    section = _export_section(dll, forwards)
    raw_size = -(-len(section) // _ALIGN) * _ALIGN
    dos = b"MZ" + bytes(0x3A) + struct.pack("<I", 0x40)
    coff = struct.pack("<4sHHIIIHH", b"PE\0\0", 0x8664, 1, 0, 0, 0, 240, 0x2022)
    optional = struct.pack(
        "<HBBIIIIIQIIHHHHHHIIIIHHQQQQII",
        0x20B, 14, 0, 0, raw_size, 0, 0, _SECTION_RVA,
        0x180000000, _SECTION_RVA, _ALIGN, 6, 0, 0, 0, 6, 0, 0,
        _SECTION_RVA + -(-len(section) // _SECTION_RVA) * _SECTION_RVA, _ALIGN, 0, 3, 0x0100,
        0x100000, 0x1000, 0x100000, 0x1000, 0, 16,
    )  # fmt: skip
    directories = struct.pack("<II", _SECTION_RVA, len(section)) + bytes(8 * 15)
    header = struct.pack(
        "<8sIIIIIIHHI", b".edata", len(section), _SECTION_RVA, raw_size, _ALIGN, 0, 0, 0, 0,
        0x40000040,
    )  # fmt: skip
    headers = dos + coff + optional + directories + header
    assert len(headers) <= _ALIGN
    return headers.ljust(_ALIGN, b"\0") + section.ljust(raw_size, b"\0")


def install_shims(system32: Path) -> list[str]:
    """Write the forwarder DLLs Wine lacks into a prefix's system32; returns their names."""
    written = []
    for dll, forwards in SHIMS.items():
        target = system32 / dll
        if not target.exists():
            target.write_bytes(forwarder_dll(dll, forwards))
            written.append(dll)
    return written
