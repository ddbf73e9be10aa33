"""Dataset versions: `git` (resolve and list releases), `rev` (load one through DVC), `diff` (compare two)."""
