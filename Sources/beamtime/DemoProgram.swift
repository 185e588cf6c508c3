/// The program `beamtime demo` runs until the run engine and reports land: a plan-like
/// generator driven step by step, with a small analysis of the simulated readings.
enum DemoProgram {
    static let source = #"""
import math

def det(x, centre=0.0, sigma=1.0):
    """A simulated detector: a Gaussian of the motor position."""
    return math.exp(-(x - centre) ** 2 / (2 * sigma ** 2))

def scan(start, stop, num):
    """A plan: yields ('set', x) and ('read',) messages, as bluesky plans yield Msg objects."""
    step = (stop - start) / (num - 1)
    readings = []
    for i in range(num):
        x = start + i * step
        yield ("set", x)
        value = yield ("read",)
        readings.append((x, value))
    return readings

def run_engine(plan):
    """Drives a plan: answers each message, as a RunEngine does."""
    position = None
    reply = None
    try:
        while True:
            msg = plan.send(reply)
            if msg[0] == "set":
                position = msg[1]
                reply = None
            elif msg[0] == "read":
                reply = det(position)
    except StopIteration as stop:
        return stop.value

points = run_engine(scan(-3, 3, 13))
print(f"{'motor':>8} {'det':>8}")
for x, y in points:
    print(f"{x:8.3f} {y:8.4f}")
total = sum(y for _, y in points)
cen = sum(x * y for x, y in points) / total
peak = max(points, key=lambda p: p[1])
print(f"centre of mass: {cen:.4f}, peak at {peak[0]:.2f} ({peak[1]:.3f})")
"""#
}
