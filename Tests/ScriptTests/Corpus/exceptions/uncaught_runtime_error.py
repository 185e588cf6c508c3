state = "idle"
print("state:", state)
if state != "running":
    raise RuntimeError("plan not running")
