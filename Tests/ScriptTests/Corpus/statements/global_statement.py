count = 0
def bump():
    global count
    count += 1
    return count
bump()
bump()
print(count)
def make_new():
    global created
    created = "yes"
make_new()
print(created)
def read_only():
    return count * 10
print(read_only())
