"""The rules that add, repair and reshape drafts after linking, one module per family; each public function is a
step (``step(ctx, drafts) -> drafts``) listed in ``quoth.attribution.steps.STEPS``."""
