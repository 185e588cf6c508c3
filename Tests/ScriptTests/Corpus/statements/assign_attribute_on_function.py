def counter():
    counter.calls += 1
    return counter.calls
counter.calls = 0
counter()
counter()
print(counter.calls)
counter.label = "c"
print(counter.label, hasattr(counter, "label"), hasattr(counter, "nope"))
