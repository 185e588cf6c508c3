def squares():
    for i in range(4):
        yield i * i
print(list(enumerate(squares(), start=1)))
print(list(zip(squares(), squares())))
print(list(map(lambda x: -x, squares())))
print(list(filter(None, squares())))
print(list(reversed(list(squares()))))
