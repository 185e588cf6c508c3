def f():
    try:
        print("working")
        raise KeyError("cfg")
    finally:
        print("finally printed before the traceback")
f()
