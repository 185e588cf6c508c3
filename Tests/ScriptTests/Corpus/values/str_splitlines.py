s = "line1\nline2\r\nline3\rline4\n"
print(s.splitlines())
print(s.splitlines(True))
print("".splitlines(), "\n".splitlines(), "a\n\nb".splitlines())
print("no newline".splitlines())
print("x\n".split("\n"), "x\n".splitlines())
