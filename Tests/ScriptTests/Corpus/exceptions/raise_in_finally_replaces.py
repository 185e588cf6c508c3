try:
    try:
        raise ValueError("original")
    finally:
        raise TypeError("from finally")
except ValueError:
    print("got ValueError")
except TypeError as e:
    print("got TypeError:", e)
