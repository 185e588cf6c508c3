def resource():
    print("open")
    try:
        yield 1
        yield 2
    finally:
        print("close")
for v in resource():
    print(v)
print("after loop")
