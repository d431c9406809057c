"""Hong Kong Network Atlas: the Dash app (``create_app``) and its read-only API."""
