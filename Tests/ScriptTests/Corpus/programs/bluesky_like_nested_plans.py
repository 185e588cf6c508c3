def mv(motor, pos):
    yield ("set", motor, pos)
    yield ("wait", motor)
def count(det, num=1):
    results = []
    for _ in range(num):
        r = yield ("read", det)
        results.append(r)
    return results
def plan():
    yield from mv("x", 1.5)
    first = yield from count("det", 2)
    yield from mv("x", 3.0)
    second = yield from count("det")
    return first + second
state = {"x": 0.0, "reads": 0}
def handle(msg):
    if msg[0] == "set":
        state[msg[1]] = msg[2]
    elif msg[0] == "read":
        state["reads"] += 1
        return state["x"] * 10 + state["reads"]
    return None
gen = plan()
reply = None
while True:
    try:
        msg = gen.send(reply)
    except StopIteration as stop:
        print("result:", stop.value)
        break
    print("msg:", msg)
    reply = handle(msg)
