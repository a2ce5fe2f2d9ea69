"""Ed25519 keys and signatures of packs, and the trusted-keys settings file."""

from __future__ import annotations

import pytest

from draftdesk.cli import main
from draftdesk.errors import PackError
from draftdesk.packs.signing import (
    PublicKey,
    SignatureState,
    SignatureStatus,
    generate_key,
    load_private_key,
    sign_files,
    verify_files,
)
from draftdesk.packs.trust import TrustedKeys
from tests.packs.conftest import UserFolders

FILES = {"pack.toml": b"[pack]\n", "clauses/a.toml": b'part = "operative"\n'}


def _signed(name: str = "Mission A") -> tuple[dict[str, bytes], PublicKey]:
    content, public = generate_key(name)
    private, _ = load_private_key(content, "key", None)
    return sign_files(FILES, private, public), public


def test_signature_verifies_and_names_the_signer() -> None:
    """A fresh signature is valid; trusted when the key is in the list, by the list's name."""
    files, public = _signed()
    assert sorted(files) == ["clauses/a.toml", "pack.toml", "signature.toml"]
    assert verify_files(files, {}) == SignatureStatus(
        SignatureState.UNTRUSTED, "Mission A", public.fingerprint
    )
    known = PublicKey(public.raw, "Mission A (verified by phone)")
    assert verify_files(files, {public.raw: known}).describe() == (
        f"signed by Mission A (verified by phone) (trusted key {public.fingerprint})"
    )
    assert verify_files(FILES, {}).state is SignatureState.UNSIGNED
    assert len(public.fingerprint) == 19 and public.fingerprint.count("-") == 3


@pytest.mark.parametrize(
    ("tamper", "detail"),
    [
        (
            lambda f: f.update({"pack.toml": b"[pack]\nid = 'x'\n"}),
            "pack.toml was changed after signing",
        ),
        (lambda f: f.update({"clauses/b.toml": b""}), "clauses/b.toml was added after signing"),
        (lambda f: f.pop("clauses/a.toml"), "clauses/a.toml was removed after signing"),
        (
            lambda f: f.update(
                {"signature.toml": f["signature.toml"].replace(b"Mission A", b"Mission B")}
            ),
            "the signature does not match (signature.toml was altered)",
        ),
        (
            lambda f: f.update({"signature.toml": b"format = 2\n"}),
            "signature.toml has an unknown format or algorithm",
        ),
        (lambda f: f.update({"signature.toml": b"\xff"}), "signature.toml unreadable"),
    ],
)
def test_tampering_is_detected(tamper: object, detail: str) -> None:
    """Any change after signing makes the signature invalid, saying what changed."""
    files, public = _signed()
    tamper(files)  # type: ignore[operator]
    status = verify_files(files, {public.raw: public})
    assert status.state is SignatureState.INVALID
    assert status.detail == detail


def test_a_signature_by_another_key_does_not_verify() -> None:
    """Replacing the public key in signature.toml by the attacker's own breaks it too."""
    files, _ = _signed()
    _, attacker = generate_key("Attacker")
    original = files["signature.toml"].decode()
    line = next(li for li in original.splitlines() if li.startswith("public_key"))
    forged = original.replace(line, f'public_key = "{attacker.to_text().split(" ")[1]}"')
    status = verify_files({**files, "signature.toml": forged.encode()}, {})
    assert status.state is SignatureState.INVALID


def test_passphrase_protected_key() -> None:
    """A key written with a passphrase needs it; a wrong one is a clear error."""
    content, public = generate_key("Mission A", b"correct horse")
    assert b"ENCRYPTED PRIVATE KEY" in content
    _, loaded = load_private_key(content, "k.key", b"correct horse")
    assert loaded == public
    for passphrase, message in (
        (None, "k.key: the key is protected by a passphrase (give it with --passphrase-env)"),
        (b"wrong", "k.key: wrong passphrase or damaged key"),
    ):
        with pytest.raises(PackError) as info:
            load_private_key(content, "k.key", passphrase)
        assert str(info.value) == message


def test_key_names_cannot_hold_bidi_controls() -> None:
    """A signer name is shown as identity: no bidirectional controls, not empty."""
    for name, reason in (
        ("Mission\u202eA", "contains a bidirectional control (U+202E)"),
        (" ", "is empty"),
    ):
        with pytest.raises(PackError) as info:
            generate_key(name)
        assert str(info.value) == f"keygen: the key's name {reason}"


def test_trusted_keys_file_round_trip(user_folders: UserFolders) -> None:
    """add saves the settings file; load reads it back; remove by fingerprint."""
    _, first = generate_key("Mission A")
    _, second = generate_key("Mission B")
    keys = TrustedKeys.load(user_folders.config)
    assert keys.keys == {}
    keys.add(first)
    keys.add(second)
    text = (user_folders.config / "trusted-keys.toml").read_text(encoding="utf-8")
    assert text.count("[[key]]") == 2 and 'name = "Mission A"' in text
    again = TrustedKeys.load(user_folders.config)
    assert again.keys == {first.raw: first, second.raw: second}
    assert again.remove(first.fingerprint.upper()) == first
    assert TrustedKeys.load(user_folders.config).keys == {second.raw: second}
    with pytest.raises(PackError, match="no trusted key has fingerprint 'nope'"):
        again.remove("nope")


def test_damaged_trusted_keys_file(user_folders: UserFolders) -> None:
    """A settings file that is not TOML, or holds a bad key, is named in the error."""
    path = user_folders.config / "trusted-keys.toml"
    user_folders.config.mkdir()
    path.write_text('[[key]]\nname = "X"\npublic_key = "c2hvcnQ="\n', encoding="utf-8")
    with pytest.raises(PackError) as info:
        TrustedKeys.load(user_folders.config)
    assert str(info.value) == f"{path}: key 1: the public key is not 32 bytes of base64"


def test_key_commands(user_folders: UserFolders, capsys: pytest.CaptureFixture[str]) -> None:
    """keygen never overwrites; trust, keys and untrust edit the settings file."""
    key = user_folders.work / "m.key"
    assert main(["pack", "keygen", "-o", str(key), "--name", "Mission A"]) == 0
    public = PublicKey.from_text((user_folders.work / "m.key.pub").read_text("utf-8"), "pub")
    capsys.readouterr()
    assert main(["pack", "keygen", "-o", str(key), "--name", "Mission A"]) == 2
    assert (
        capsys.readouterr().err
        == f"draftdesk: {key}: already exists (a key is never overwritten)\n"
    )
    assert main(["pack", "trust", f"{key}.pub", "--name", "Mission A (checked)"]) == 0
    capsys.readouterr()
    assert main(["pack", "keys"]) == 0
    assert capsys.readouterr().out == f"{public.fingerprint}  Mission A (checked)\n"
    assert main(["pack", "untrust", public.fingerprint]) == 0
    assert (
        capsys.readouterr().out
        == f"no longer trusted: Mission A (checked) ({public.fingerprint})\n"
    )
    assert TrustedKeys.load(user_folders.config).keys == {}
