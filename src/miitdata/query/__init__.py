"""Questions asked of a loaded dataset: `facts()` (filtered, labelled observations), `cite()` (quotes of one
figure) and how values read (`format`). Pure functions over the Dataset's DataFrames."""
