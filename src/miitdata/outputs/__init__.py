"""What the package is turned into: exports (`export`), the datasheet (`datasheet`, `charts`), metrics."""
