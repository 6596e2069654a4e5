"""Algorithms over the power graph (:func:`constitution_rules.graph.build_graph`).

In the manner of networkx's ``algorithms`` package: pure functions, the graph first, one module
per family, results in a deterministic order, doctested. The rules, the metrics, ``diff``,
``history`` and ``compare`` all stand on these modules and ask the graph nothing else.

- :mod:`.powers`: reading the graph: powers (clause edges), their conditions, kinds, weights.
- :mod:`.control`: at-will removal chains and dependence: who controls whom, reach, independence.
- :mod:`.branches`: the branch view (legislative, executive, judicial, independent) and the
  chambers that form one legislature.
- :mod:`.accountability`: who answers to whom and how (election, confidence, hierarchy, removal
  for cause, review, audit, answerability), and which powers are exercised under a check.
- :mod:`.vetoes`: Tsebelis' veto players of lawmaking and amendment, with override majorities.
- :mod:`.concentration`: unchecked power by principal and by branch, oversight coverage, tenure.

Layering: this package imports the model, the vocabulary and networkx, never rules or metrics.
"""
