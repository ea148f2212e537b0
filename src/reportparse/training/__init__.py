"""Training the statistical NER models from the gold corpus (development tools, not used at run time).

python -m reportparse.training.spacy_ner --out src/reportparse/models/az_org_ner
python -m reportparse.training.stanza_ner --out src/reportparse/models/az_org_stanza
"""
