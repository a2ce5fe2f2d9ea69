"""Subcommands on template packs: `draftdesk pack list | show | validate | build | install …`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from draftdesk.commands import SetMetadata
from draftdesk.errors import DraftDeskError, PackError
from draftdesk.model import fileformat
from draftdesk.model.document import Part
from draftdesk.packs.catalog import SigningKey, build, export, list_packs, remove, sign_archive
from draftdesk.packs.install import PackPreview, install, preview, summarize_clauses
from draftdesk.packs.locations import user_config_folder
from draftdesk.packs.model import Pack
from draftdesk.packs.registry import PackRegistry
from draftdesk.packs.signing import PublicKey, checked_name, generate_key
from draftdesk.packs.trust import TrustedKeys
from draftdesk.packs.validate import validate_folder
from draftdesk.validation import pack_for, validate_document

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `pack` and its subcommands to the command line."""
    pack = commands.add_parser("pack", help="template packs: list, build, sign, install …")
    sub = pack.add_subparsers(dest="pack_command", required=True, metavar="COMMAND")

    sub.add_parser("list", help="built-in and installed packs").set_defaults(handler=run_list)

    show = sub.add_parser("show", help="a pack's details and clauses (an ID or a .ddpack)")
    show.add_argument("pack", help="pack id, or a .ddpack to preview before installing")
    show.add_argument("--version", dest="pack_version")
    show.set_defaults(handler=run_show)

    validate = sub.add_parser("validate", help="check a pack folder or .ddpack")
    validate.add_argument("source", type=Path)
    validate.set_defaults(handler=run_validate)

    build_ = sub.add_parser("build", help="validate a pack folder and write a .ddpack")
    build_.add_argument("folder", type=Path)
    build_.add_argument("-o", "--output", required=True, type=Path)
    _key_options(build_, required=False)
    build_.set_defaults(handler=run_build)

    install_ = sub.add_parser("install", help="install a .ddpack")
    install_.add_argument("archive", type=Path)
    install_.add_argument(
        "--allow-unsigned",
        action="store_true",
        help="install a pack that is unsigned or signed by a key you do not trust",
    )
    install_.add_argument("--replace", action="store_true", help="replace the same version")
    install_.set_defaults(handler=run_install)

    remove_ = sub.add_parser("remove", help="remove an installed pack")
    remove_.add_argument("pack_id")
    remove_.add_argument("--version", dest="pack_version", help="only this version")
    remove_.set_defaults(handler=run_remove)

    sign = sub.add_parser("sign", help="sign a .ddpack with your key")
    sign.add_argument("archive", type=Path)
    _key_options(sign, required=True)
    sign.set_defaults(handler=run_sign)

    export_ = sub.add_parser("export", help="write an installed or built-in pack as a .ddpack")
    export_.add_argument("pack_id")
    export_.add_argument("--version", dest="pack_version")
    export_.add_argument("-o", "--output", required=True, type=Path)
    _key_options(export_, required=False)
    export_.set_defaults(handler=run_export)

    keygen = sub.add_parser("keygen", help="create a signing key (KEY and KEY.pub)")
    keygen.add_argument("-o", "--output", required=True, type=Path)
    keygen.add_argument("--name", required=True, help="who signs: shown to those who install")
    keygen.add_argument("--passphrase-env", metavar="VAR", help="protect the key with $VAR")
    keygen.set_defaults(handler=run_keygen)

    trust = sub.add_parser("trust", help="trust a public key (KEY.pub) for installs")
    trust.add_argument("public_key", type=Path)
    trust.add_argument("--name", help="how to call its holder (default: the key's name)")
    trust.set_defaults(handler=run_trust)

    untrust = sub.add_parser("untrust", help="stop trusting a key (by fingerprint)")
    untrust.add_argument("fingerprint")
    untrust.set_defaults(handler=run_untrust)

    sub.add_parser("keys", help="the trusted keys").set_defaults(handler=run_keys)

    use = sub.add_parser("use", help="switch a document to another version of its pack")
    use.add_argument("document", type=Path)
    use.add_argument("--version", dest="pack_version", required=True)
    use.set_defaults(handler=run_use)


def _key_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--key", type=Path, required=required, help="private key file")
    parser.add_argument("--passphrase-env", metavar="VAR", help="the key's passphrase is $VAR")


def _signing_key(args: argparse.Namespace) -> SigningKey | None:
    if args.key is None:
        return None
    return SigningKey(args.key, _passphrase(args.passphrase_env))


def _passphrase(variable: str | None) -> bytes | None:
    if variable is None:
        return None
    value = os.environ.get(variable)
    if not value:
        raise PackError(f"--passphrase-env: ${variable} is not set")
    return value.encode("utf-8")


def _trusted() -> TrustedKeys:
    return TrustedKeys.load(user_config_folder())


def run_list(args: argparse.Namespace) -> int:
    """`draftdesk pack list`: every pack version with its source and signature status."""
    rows = [("ID", "VERSION", "SOURCE", "SIGNATURE", "AUTHOR", "NAME")]
    problems = []
    for item in list_packs(PackRegistry(), _trusted()):
        extends = f" (extends {item.extends})" if item.extends else ""
        rows.append(
            (
                item.id,
                item.version,
                str(item.source),
                item.signature.describe(),
                item.author,
                item.name + extends,
            )
        )
        if item.problem:
            problems.append(f"{item.id} {item.version}: cannot be loaded: {item.problem}")
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
            + "  "
            + row[-1]
        )
    for problem in problems:
        print(f"warning: {problem}")
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    """`draftdesk pack show ID|X.ddpack`: details, signature and clauses (a preview for X)."""
    registry = PackRegistry()
    archive = Path(args.pack)
    if args.pack.endswith(".ddpack") or archive.is_file():
        shown = preview(archive, registry, _trusted())
        _print_preview(shown)
        return EXIT_OK if not shown.report.errors else EXIT_BAD_INPUT
    pack = registry.get(args.pack, args.pack_version)
    listing = next(
        item
        for item in list_packs(registry, _trusted())
        if (item.id, item.version) == (pack.id, pack.version)
    )
    _print_pack(pack)
    print(f"signature: {listing.signature.describe()}")
    print(f"folder: {listing.folder}")
    return EXIT_OK


def _print_pack(pack: Pack) -> None:
    print(f"{pack.id} {pack.version}: {pack.name}")
    print(f"author: {pack.author}")
    if pack.description:
        print(f"description: {pack.description}")
    print(f"languages: {', '.join(pack.languages)}")
    if pack.base is not None:
        print(f"extends: {pack.base.id} {pack.base.version}")
    print(f"bodies: {', '.join(pack.bodies)}")
    names = {Part.PREAMBLE: "preambular", Part.OPERATIVE: "operative"}
    counts = ", ".join(f"{len(keys)} {names[part]}" for part, keys in pack.phrases.items())
    print(f"phrases: {counts}")
    clauses = summarize_clauses(pack)
    print(f"clauses ({len(clauses)}):")
    width = max((len(item.key) for item in clauses), default=0)
    for item in clauses:
        label = item.label.get("en") or next(iter(item.label.values()), "")
        print(f"  {item.key.ljust(width)}  {item.part.value:<9}  [{item.origin}]  {label}")


def _print_preview(shown: PackPreview) -> None:
    if shown.pack is not None:
        _print_pack(shown.pack)
    print(f"signature: {shown.signature.describe()}")
    if shown.installed_versions:
        print(f"installed versions: {', '.join(shown.installed_versions)}")
    for line in shown.report.lines():
        print(line)


def run_validate(args: argparse.Namespace) -> int:
    """`draftdesk pack validate X`: every fault with file, line and field; exit 2 on errors."""
    source: Path = args.source
    registry = PackRegistry()
    if source.is_dir():
        report = validate_folder(source, registry)
    else:
        report = preview(source, registry, _trusted()).report
    for line in report.lines():
        print(line, file=sys.stderr if report.errors else sys.stdout)
    if report.errors:
        print(f"draftdesk: {source}: {len(report.errors)} error(s)", file=sys.stderr)
        return EXIT_BAD_INPUT
    pack = report.pack
    assert pack is not None
    own = sum(1 for item in summarize_clauses(pack) if item.origin in ("new", "replaces"))
    print(
        f"{source}: valid — {pack.id} {pack.version}, {own} clause(s), "
        f"{len(report.warnings)} warning(s)"
    )
    return EXIT_OK


def run_build(args: argparse.Namespace) -> int:
    """`draftdesk pack build DIR -o X.ddpack [--key KEY]`."""
    report = build(args.folder, args.output, PackRegistry(), _signing_key(args))
    for line in report.lines():
        print(line)
    pack = report.pack
    assert pack is not None
    signed = " (signed)" if args.key else " (unsigned)"
    print(f"{args.output}: {pack.id} {pack.version} built{signed}")
    return EXIT_OK


def run_install(args: argparse.Namespace) -> int:
    """`draftdesk pack install X.ddpack [--allow-unsigned] [--replace]`."""
    registry = PackRegistry()
    pack = install(
        args.archive,
        registry,
        _trusted(),
        allow_unsigned=args.allow_unsigned,
        replace=args.replace,
    )
    own = sum(1 for item in summarize_clauses(pack) if item.origin in ("new", "replaces"))
    base = f", extends {pack.base.id} {pack.base.version}" if pack.base else ""
    print(f"{pack.id} {pack.version} installed ({own} clause(s){base}) in {pack.root}")
    return EXIT_OK


def run_remove(args: argparse.Namespace) -> int:
    """`draftdesk pack remove ID [--version V]`."""
    removed = remove(PackRegistry(), args.pack_id, args.pack_version)
    print(f"{args.pack_id} {', '.join(removed)} removed")
    return EXIT_OK


def run_sign(args: argparse.Namespace) -> int:
    """`draftdesk pack sign X.ddpack --key KEY`."""
    key = _signing_key(args)
    assert key is not None
    public = sign_archive(args.archive, key)
    print(f"{args.archive}: signed by {public.name} (key {public.fingerprint})")
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    """`draftdesk pack export ID -o X.ddpack [--key KEY]`."""
    status = export(
        PackRegistry(), args.pack_id, args.output, args.pack_version, _signing_key(args)
    )
    print(f"{args.output}: {args.pack_id} exported ({status.describe()})")
    return EXIT_OK


def run_keygen(args: argparse.Namespace) -> int:
    """`draftdesk pack keygen -o KEY --name NAME`: KEY (secret) and KEY.pub (to share)."""
    output: Path = args.output
    public_path = output.with_name(output.name + ".pub")
    for path in (output, public_path):
        if path.exists():
            raise PackError(f"{path}: already exists (a key is never overwritten)")
    content, public = generate_key(args.name, _passphrase(args.passphrase_env))
    try:
        with os.fdopen(os.open(output, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as f:
            f.write(content)
        public_path.write_text(public.to_text(), encoding="utf-8")
    except OSError as exc:
        raise PackError(f"{output}: cannot be written ({exc.strerror or exc})") from None
    print(f"{output}: private key of {public.name} (keep it secret)")
    print(f"{public_path}: public key {public.fingerprint} (share it)")
    return EXIT_OK


def run_trust(args: argparse.Namespace) -> int:
    """`draftdesk pack trust KEY.pub [--name NAME]`."""
    path: Path = args.public_key
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot be read ({exc})") from None
    key = PublicKey.from_text(text, str(path))
    if args.name:
        key = PublicKey(key.raw, checked_name(args.name, "--name"))
    trusted = _trusted()
    trusted.add(key)
    print(f"trusted: {key.name} ({key.fingerprint}) in {trusted.path}")
    return EXIT_OK


def run_untrust(args: argparse.Namespace) -> int:
    """`draftdesk pack untrust FINGERPRINT`."""
    key = _trusted().remove(args.fingerprint)
    print(f"no longer trusted: {key.name} ({key.fingerprint})")
    return EXIT_OK


def run_keys(args: argparse.Namespace) -> int:
    """`draftdesk pack keys`: the trusted keys."""
    trusted = _trusted()
    for key in sorted(trusted.keys.values(), key=lambda k: k.name):
        print(f"{key.fingerprint}  {key.name}")
    if not trusted.keys:
        print(f"no trusted keys ({trusted.path})")
    return EXIT_OK


def run_use(args: argparse.Namespace) -> int:
    """`draftdesk pack use DOCUMENT --version V`: render with that version, then save."""
    document = fileformat.load(args.document)
    SetMetadata("pack_version", args.pack_version).apply(document)
    try:
        pack = pack_for(document, PackRegistry())
        validate_document(document, pack)
    except DraftDeskError as exc:
        raise PackError(f"{args.document}: {exc}") from None
    fileformat.save(document, args.document)
    print(f"{args.document}: now uses {pack.id} {pack.version}")
    return EXIT_OK
