def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for i, ch in enumerate(s):
        if ch in "([{":
            stack.append((ch, i))
        elif ch in pairs:
            if not stack or stack[-1][0] != pairs[ch]:
                return f"mismatch at {i}"
            stack.pop()
    if stack:
        return f"unclosed {stack[-1][0]!r} at {stack[-1][1]}"
    return "ok"
for s in ["(a[b]{c})", "([)]", "((", "", "x}", "{[()()]}"]:
    print(repr(s), balanced(s))
