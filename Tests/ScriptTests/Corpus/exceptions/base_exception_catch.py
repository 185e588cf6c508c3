try:
    raise KeyboardInterrupt
except Exception:
    print("not caught by Exception")
except BaseException as e:
    print("caught by BaseException", repr(e))
try:
    raise KeyboardInterrupt("stop")
except KeyboardInterrupt as e:
    print(e.args)
