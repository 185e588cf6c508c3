def scan(detectors, motor, start, stop, num):
    yield ("open_run", {"plan": "scan", "num": num})
    step = (stop - start) / (num - 1)
    for i in range(num):
        pos = start + i * step
        yield ("set", motor, pos)
        readings = {}
        for det in detectors:
            readings[det] = yield ("read", det)
        yield ("save", readings)
    return (yield ("close_run", "success"))
def run_engine(plan):
    position = {"m1": 0.0}
    response = None
    log = []
    try:
        while True:
            msg = plan.send(response)
            kind = msg[0]
            response = None
            if kind == "set":
                position[msg[1]] = msg[2]
            elif kind == "read":
                response = round(position["m1"] ** 2, 6)
            elif kind == "close_run":
                response = "uid-1"
            log.append(kind)
            if kind == "save":
                print("event", msg[1])
    except StopIteration as e:
        print("plan returned", e.value)
    return log
log = run_engine(scan(["det"], "m1", -1, 1, 5))
print(log.count("set"), log.count("read"), log[0], log[-1])
