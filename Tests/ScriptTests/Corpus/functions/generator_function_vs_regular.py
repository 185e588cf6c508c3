def regular():
    return [1, 2]
def gen():
    yield 1
    yield 2
print(regular())
print(list(gen()))
print(type(gen()) is type(regular()))
def maybe(flag):
    if flag:
        yield "yes"
print(list(maybe(True)), list(maybe(False)))
