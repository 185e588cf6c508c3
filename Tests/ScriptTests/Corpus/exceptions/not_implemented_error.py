def abstract_step(x):
    raise NotImplementedError("subclass must implement")
try:
    abstract_step(1)
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    abstract_step(2)
except RuntimeError as e:
    print("also a RuntimeError:", repr(e))
