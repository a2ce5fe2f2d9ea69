"""Importing existing resolutions (Word, plain text) into the document model."""
