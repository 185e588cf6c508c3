import sys
def log(*args):
    print("[log]", *args, file=sys.stderr)
def work(n):
    log("working on", n)
    return n * 2
print([work(i) for i in range(3)])
