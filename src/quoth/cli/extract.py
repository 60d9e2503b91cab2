"""``quoth extract`` (placeholder: being written)."""
