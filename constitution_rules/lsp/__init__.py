"""The language server (``constitution-rules lsp``): diagnostics, hover, navigation, completion,
formatting and code actions for ``.constitution`` and ``.amendment`` files.

Only :mod:`.server` imports pygls; every other module here is pure logic on text, models and
positions (lsprotocol types in, lsprotocol types out), tested without a client. One module per
feature family:

- :mod:`.positions`: LSP positions (0-based, UTF-16 by default) and the text's words, strings and comments;
- :mod:`.analysis`: a document parsed, resolved (an amendment against its base) and checked;
- :mod:`.diagnostics`: errors and findings as LSP diagnostics;
- :mod:`.hover`: institutions, verbs, kinds, instruments, rule codes, amended articles;
- :mod:`.navigation`: definition, references, document symbols;
- :mod:`.completion`: what may come next at the cursor;
- :mod:`.actions`: formatting and code actions (waivers, did-you-mean, a rule's mechanical fix).
"""
