for obj in ["s", 1, [1], None, (1,), {"a": 1}]:
    try:
        obj.nonexistent_attr
        print("has it")
    except AttributeError:
        print("AttributeError for", repr(obj))
try:
    [].push(1)
except AttributeError:
    print("lists have no push")
