def plan():
    yield "open_run"
    yield "close_run"
p = plan()
print(next(p))
p.throw(ValueError("abort plan"))
