def plan():
    try:
        for i in range(5):
            cmd = yield ("step", i)
            if cmd == "skip":
                print("skipping after", i)
                continue
    except RuntimeError as e:
        print("plan saw abort:", e)
        yield ("cleanup",)
        return "aborted"
    finally:
        print("plan finally")
    return "completed"
def drive(abort_at):
    p = plan()
    msg = next(p)
    while True:
        print("got", msg)
        try:
            if msg == ("step", abort_at):
                msg = p.throw(RuntimeError("user abort"))
            else:
                msg = p.send("skip" if msg == ("step", 1) else None)
        except StopIteration as s:
            return s.value
print(drive(2))
print(drive(99))
