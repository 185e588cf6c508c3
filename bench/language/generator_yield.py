# Generators: 1,000,000 values yielded to a for loop, then a send()-driven
# generator making 500,000 round trips, the way a run engine drives a bluesky-style
# plan (msg = plan.send(reply); the plan's return value arrives in StopIteration.value).
# bench/run divides this program's time (less interpreter start-up) by the
# 1,500,000 suspensions to report the cost per yield in microseconds; keep the
# marker below in step with the counts at the bottom of this file.
# bench-yields: 1500000


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def consume(n):
    total = 0
    for v in count_up(n):
        total += v
    return total


def plan(n):
    acc = 0
    for i in range(n):
        reply = yield ("read", i)
        acc += reply
    return acc


def run_engine(gen):
    reply = None
    steps = 0
    try:
        while True:
            msg = gen.send(reply)
            steps += 1
            reply = msg[1] % 7
    except StopIteration as e:
        return e.value + steps


print(consume(1_000_000), run_engine(plan(500_000)))
