def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
def rle(s):
    if not s:
        return []
    runs = [[s[0], 1]]
    for ch in s[1:]:
        if ch == runs[-1][0]:
            runs[-1][1] += 1
        else:
            runs.append([ch, 1])
    return "".join(f"{n}{c}" for c, n in runs)
msg = "Hello, World!"
enc = caesar(msg, 3)
print(enc, caesar(enc, -3))
print(rle("aaabccddddde"), rle("x"))
