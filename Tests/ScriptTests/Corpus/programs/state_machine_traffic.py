transitions = {
    ("idle", "start"): "running",
    ("running", "pause"): "paused",
    ("paused", "resume"): "running",
    ("running", "stop"): "idle",
    ("paused", "stop"): "idle",
}
state = "idle"
events = ["start", "pause", "bogus", "resume", "stop", "stop", "start"]
history = [state]
for ev in events:
    nxt = transitions.get((state, ev))
    if nxt is None:
        print(f"ignored {ev!r} in state {state}")
        continue
    print(f"{state} --{ev}--> {nxt}")
    state = nxt
    history.append(state)
print(history)
print("final:", state)
