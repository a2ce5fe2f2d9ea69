"""Proofing: house-style rules, offline spelling and the LanguageTool grammar adapter."""
