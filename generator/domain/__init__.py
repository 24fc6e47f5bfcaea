"""Domain rules on the knowledge base: handbook selection, edition manifests, training packs."""
