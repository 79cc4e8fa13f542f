"""spaCy pipelines per language and the gazetteer that feeds their entity ruler."""
