"""Ed25519 signatures of packs: key pairs, signing a pack's files, verifying on install.

A signed pack carries `signature.toml`: the SHA-256 of every other file, the signer's
name and public key, and an Ed25519 signature over all of that. Changing, adding or
removing any file, or editing the signature file itself, makes verification fail.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from draftdesk.errors import PackError
from draftdesk.packs.archive import SIGNATURE_FILE
from draftdesk.packs.schema import Text, check

PUBLIC_KEY_PREFIX = "draftdesk-ed25519"
_PAYLOAD_HEADER = "draftdesk-pack-signature 1"
_NAME = Text(max_length=200, identity=True)


class SignatureError(PackError):
    """A key or a signature cannot be read or used."""


class SignatureState(StrEnum):
    """What verification found."""

    UNSIGNED = "unsigned"
    TRUSTED = "trusted"
    UNTRUSTED = "untrusted"  # a valid signature by a key not in the trusted list
    INVALID = "invalid"  # the pack was changed after signing
    BUILTIN = "built-in"  # shipped with DraftDesk: trusted as the program itself is


@dataclass(frozen=True, slots=True)
class PublicKey:
    """An Ed25519 public key with the name of whoever holds the private key."""

    raw: bytes
    name: str

    @property
    def fingerprint(self) -> str:
        """A short, readable identity of the key ("1a2b-3c4d-5e6f-7a8b")."""
        digest = hashlib.sha256(self.raw).hexdigest()[:16]
        return "-".join(digest[i : i + 4] for i in range(0, 16, 4))

    def to_text(self) -> str:
        """The one-line form shared with others: `draftdesk-ed25519 BASE64 NAME`."""
        return f"{PUBLIC_KEY_PREFIX} {base64.b64encode(self.raw).decode()} {self.name}\n"

    @classmethod
    def from_text(cls, text: str, where: str) -> PublicKey:
        """Parse the one-line form; SignatureError naming `where` when it is not one."""
        parts = text.strip().split(" ", 2)
        if len(parts) < 2 or parts[0] != PUBLIC_KEY_PREFIX:
            raise SignatureError(f"{where}: not a DraftDesk public key ({PUBLIC_KEY_PREFIX} …)")
        name = parts[2] if len(parts) == 3 else ""
        return cls(decode_key(parts[1], where), checked_name(name, where))


@dataclass(frozen=True, slots=True)
class SignatureStatus:
    """The verdict on a pack's signature, in words a user can act on."""

    state: SignatureState
    signer: str = ""
    fingerprint: str = ""
    detail: str = ""

    def describe(self) -> str:
        """One line: "signed by X (trusted key …)", "unsigned", "signature invalid: …"."""
        if self.state is SignatureState.TRUSTED:
            return f"signed by {self.signer} (trusted key {self.fingerprint})"
        if self.state is SignatureState.UNTRUSTED:
            return f"signed by {self.signer}, key {self.fingerprint} is not trusted"
        if self.state is SignatureState.INVALID:
            return f"signature invalid: {self.detail}"
        if self.state is SignatureState.BUILTIN:
            return "built into DraftDesk"
        return "unsigned"


def checked_name(name: str, where: str) -> str:
    """A signer name without control or bidirectional characters (it is shown as identity)."""
    findings = check(name, _NAME, ("name",))
    if findings or not name.strip():
        reason = findings[0].message if findings else "is empty"
        raise SignatureError(f"{where}: the key's name {reason}")
    return name


def decode_key(text: str, where: str) -> bytes:
    """The 32 bytes of a base64 Ed25519 public key."""
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise SignatureError(f"{where}: the public key is not 32 bytes of base64")
    return raw


def generate_key(name: str, passphrase: bytes | None = None) -> tuple[bytes, PublicKey]:
    """A new key pair: the private key file's content and the public key."""
    checked_name(name, "keygen")
    private = Ed25519PrivateKey.generate()
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase)
        if passphrase
        else serialization.NoEncryption()
    )
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    ).decode()
    key_file = (
        "# DraftDesk pack signing key: keep it secret; share the .pub file instead.\n"
        f"name = {_toml_string(name)}\n"
        f'private_key = """\n{pem}"""\n'
    )
    return key_file.encode(), public_key_of(private, name)


def load_private_key(
    content: bytes, where: str, passphrase: bytes | None
) -> tuple[Ed25519PrivateKey, PublicKey]:
    """The private key in a key file written by `generate_key`, and its public key."""
    try:
        data = tomllib.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        raise SignatureError(f"{where}: not a DraftDesk key file") from None
    name, pem = data.get("name"), data.get("private_key")
    if not isinstance(name, str) or not isinstance(pem, str):
        raise SignatureError(f"{where}: not a DraftDesk key file (name, private_key)")
    try:
        private = serialization.load_pem_private_key(pem.strip().encode(), passphrase)
    except TypeError:
        raise SignatureError(
            f"{where}: the key is protected by a passphrase (give it with --passphrase-env)"
            if passphrase is None
            else f"{where}: the key is not protected by a passphrase"
        ) from None
    except ValueError:
        raise SignatureError(f"{where}: wrong passphrase or damaged key") from None
    if not isinstance(private, Ed25519PrivateKey):
        raise SignatureError(f"{where}: not an Ed25519 key")
    return private, public_key_of(private, checked_name(name, where))


def public_key_of(private: Ed25519PrivateKey, name: str) -> PublicKey:
    """The public half of a private key, with its holder's name."""
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return PublicKey(raw, name)


def _digests(files: dict[str, bytes]) -> dict[str, str]:
    return {
        name: hashlib.sha256(data).hexdigest()
        for name, data in sorted(files.items())
        if name != SIGNATURE_FILE
    }


def _payload(signer: str, key: bytes, digests: dict[str, str]) -> bytes:
    lines = [_PAYLOAD_HEADER, f"signer {signer}", f"key {base64.b64encode(key).decode()}"]
    lines += [f"{digest} {name}" for name, digest in sorted(digests.items())]
    return ("\n".join(lines) + "\n").encode("utf-8")


def sign_files(
    files: dict[str, bytes], private: Ed25519PrivateKey, public: PublicKey
) -> dict[str, bytes]:
    """`files` with a new signature.toml (replacing any previous signature)."""
    digests = _digests(files)
    signature = private.sign(_payload(public.name, public.raw, digests))
    lines = [
        "# DraftDesk pack signature: written by 'draftdesk pack sign'; do not edit.",
        "format = 1",
        'algorithm = "ed25519"',
        f"signer = {_toml_string(public.name)}",
        f'public_key = "{base64.b64encode(public.raw).decode()}"',
        f'signature = "{base64.b64encode(signature).decode()}"',
        "",
        "[files]",
        *(f'{_toml_string(name)} = "{digest}"' for name, digest in digests.items()),
    ]
    signed = {name: data for name, data in files.items() if name != SIGNATURE_FILE}
    signed[SIGNATURE_FILE] = ("\n".join(lines) + "\n").encode("utf-8")
    return signed


def verify_files(files: dict[str, bytes], trusted: dict[bytes, PublicKey]) -> SignatureStatus:
    """Check the signature of a pack's files against the trusted keys (raw key → key)."""
    content = files.get(SIGNATURE_FILE)
    if content is None:
        return SignatureStatus(SignatureState.UNSIGNED)
    try:
        data = tomllib.loads(content.decode("utf-8"))
        signer, raw, signature, listed = _read_signature(data)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, SignatureError) as exc:
        detail = str(exc) if isinstance(exc, SignatureError) else "unreadable"
        return SignatureStatus(SignatureState.INVALID, detail=f"{SIGNATURE_FILE} {detail}")
    key = PublicKey(raw, signer)
    actual = _digests(files)
    invalid = SignatureState.INVALID
    for name in sorted(set(actual) | set(listed)):
        if name not in listed:
            fault = f"{name} was added after signing"
        elif name not in actual:
            fault = f"{name} was removed after signing"
        elif actual[name] != listed[name]:
            fault = f"{name} was changed after signing"
        else:
            continue
        return SignatureStatus(invalid, signer, key.fingerprint, fault)
    try:
        Ed25519PublicKey.from_public_bytes(raw).verify(signature, _payload(signer, raw, listed))
    except InvalidSignature:
        fault = f"the signature does not match ({SIGNATURE_FILE} was altered)"
        return SignatureStatus(invalid, signer, key.fingerprint, fault)
    known = trusted.get(raw)
    if known is None:
        return SignatureStatus(SignatureState.UNTRUSTED, signer, key.fingerprint)
    return SignatureStatus(SignatureState.TRUSTED, known.name, key.fingerprint)


def _read_signature(data: dict[str, Any]) -> tuple[str, bytes, bytes, dict[str, str]]:
    if data.get("format") != 1 or data.get("algorithm") != "ed25519":
        raise SignatureError("has an unknown format or algorithm")
    signer = data.get("signer")
    if not isinstance(signer, str):
        raise SignatureError("names no signer")
    checked_name(signer, "signer")
    raw = decode_key(str(data.get("public_key", "")), "public_key")
    try:
        signature = base64.b64decode(str(data.get("signature", "")), validate=True)
    except (binascii.Error, ValueError):
        signature = b""
    listed = data.get("files")
    if len(signature) != 64 or not isinstance(listed, dict):
        raise SignatureError("has no valid signature or file list")
    if not all(isinstance(value, str) for value in listed.values()):
        raise SignatureError("lists a file without its SHA-256")
    return signer, raw, signature, dict(listed)


def _toml_string(text: str) -> str:
    """A TOML basic string (JSON's escapes are all valid TOML escapes)."""
    return json.dumps(text, ensure_ascii=False)
