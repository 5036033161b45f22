"""Reading: bytes to text (``source``), Markdown zones (``markdown``), the document
model (``document``), suppression comments (``suppress``), and the article that
bundles them, built once per file (``article``); part-of-speech tags and lemmas of a
sentence (``tagger``, with ``tokenizer`` and ``lemmatizer``), for grammar-aware rules."""
