try:
    try:
        raise ValueError("first")
    except ValueError:
        print("handling first")
        raise TypeError("second")
except TypeError as e:
    print("outer caught", repr(e))
except ValueError:
    print("wrong handler")
