s = "abc" 'def' "ghi"
print(s)
t = ("first "
     "second "
     'third')
print(t)
x = 5
u = "x=" f"{x}" " done"
print(u)
print("a" "b" == "ab")
print(r"\n" "\n" == "\\n\n")
