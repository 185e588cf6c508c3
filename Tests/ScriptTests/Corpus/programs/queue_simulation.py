arrivals = [(0, "a", 3), (1, "b", 2), (2, "c", 1), (6, "d", 2), (6, "e", 1)]
queue = []
time_now = 0
busy_until = 0
log = []
pending = list(arrivals)
while pending or queue:
    while pending and pending[0][0] <= time_now:
        queue.append(pending.pop(0))
    if queue and busy_until <= time_now:
        t, name, dur = queue.pop(0)
        log.append((name, time_now, time_now - t))
        busy_until = time_now + dur
    time_now += 1
for name, start, waited in log:
    print(f"{name}: start={start} waited={waited}")
print("avg wait", sum(w for _, _, w in log) / len(log))
