print("impactd: not yet implemented")
