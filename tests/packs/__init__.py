"""Template packs: format, validation, archives, signatures, install, extends, hostile packs."""
