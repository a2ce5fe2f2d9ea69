"""The trusted-keys list: public keys whose signed packs install without --allow-unsigned.

It is a settings file, `trusted-keys.toml` in the user's settings folder, that users can
read and that `draftdesk pack trust/untrust` (or the GUI) edit:

    [[key]]
    name = "Permanent Mission of Example"
    public_key = "BASE64"
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from draftdesk.atomic import atomic_write
from draftdesk.packs.locations import trusted_keys_path
from draftdesk.packs.signing import PublicKey, SignatureError, checked_name, decode_key

MAX_SETTINGS_BYTES = 1024 * 1024


@dataclass(slots=True)
class TrustedKeys:
    """The trusted keys of one settings folder, by raw public key."""

    path: Path
    keys: dict[bytes, PublicKey] = field(default_factory=dict)

    @classmethod
    def load(cls, config_folder: Path) -> TrustedKeys:
        """The list in `config_folder` (empty when the file does not exist yet)."""
        path = trusted_keys_path(config_folder)
        trusted = cls(path)
        try:
            if path.stat().st_size > MAX_SETTINGS_BYTES:
                raise SignatureError(f"{path}: larger than 1 MiB")
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return trusted
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise SignatureError(f"{path}: cannot be read ({exc})") from None
        entries = data.get("key", [])
        if not isinstance(entries, list):
            raise SignatureError(f"{path}: [[key]] entries expected")
        for index, entry in enumerate(entries):
            where = f"{path}: key {index + 1}"
            if not isinstance(entry, dict):
                raise SignatureError(f"{where}: must be a table")
            raw = decode_key(str(entry.get("public_key", "")), where)
            trusted.keys[raw] = PublicKey(raw, checked_name(str(entry.get("name", "")), where))
        return trusted

    def add(self, key: PublicKey) -> None:
        """Trust `key` (replacing the name of a key already trusted) and save."""
        self.keys[key.raw] = key
        self.save()

    def remove(self, fingerprint: str) -> PublicKey:
        """Stop trusting the key with this fingerprint and save; SignatureError if unknown."""
        wanted = fingerprint.strip().lower()
        for raw, key in self.keys.items():
            if key.fingerprint == wanted:
                del self.keys[raw]
                self.save()
                return key
        known = ", ".join(k.fingerprint for k in self.keys.values()) or "none"
        raise SignatureError(f"no trusted key has fingerprint {fingerprint!r} (trusted: {known})")

    def save(self) -> None:
        """Write the list atomically (the settings folder is created when missing)."""
        lines = ["# Public keys whose signed DraftDesk packs install without --allow-unsigned."]
        for key in sorted(self.keys.values(), key=lambda k: (k.name, k.fingerprint)):
            public = key.to_text().split(" ")[1]
            lines += ["", "[[key]]", f"name = {json.dumps(key.name, ensure_ascii=False)}"]
            lines.append(f'public_key = "{public}"')
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(self.path, ("\n".join(lines) + "\n").encode("utf-8"))
