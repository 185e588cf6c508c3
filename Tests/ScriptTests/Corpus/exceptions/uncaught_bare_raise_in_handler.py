try:
    [1, 2, 3][10]
except IndexError:
    print("noted, re-raising")
    raise
