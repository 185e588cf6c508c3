def move(motor, *, position):
    return f"{motor} -> {position}"
print(move("m1", position=3))
print(move("m2", 5))
