"""`make eval`: Lotse's NLU against two baselines on the dev set and a held-out split."""
