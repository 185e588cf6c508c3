def move(motor, position):
    return f"{motor}:{position}"
print(move("m1", position=1.5))
print(move("m1", pos=1.5))
