try:
    raise ValueError("x")
except ValueError as err:
    print("caught", err)
print(err)
