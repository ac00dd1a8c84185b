print("impact: not yet implemented")
