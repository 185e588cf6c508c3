# leading comment
x = 1  # trailing comment
# comment between statements
if x:  # comment on header
    # comment in block
    y = 2
        # oddly indented comment is fine
    print(x + y)
# print("not executed")
s = "# not a comment"
print(s)
def f():
    # only a comment before the body
    return 3
print(f())  # done
