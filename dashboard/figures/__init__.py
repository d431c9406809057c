"""Pure figure builders: (catalog, view state) -> plain-dict Plotly figures and patches."""
