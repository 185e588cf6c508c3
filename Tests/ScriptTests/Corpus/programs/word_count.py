text = """The quick brown fox jumps over the lazy dog.
The dog barks; the fox runs away!
A quick, quick fox."""
counts = {}
for line in text.splitlines():
    for raw in line.split():
        word = raw.strip(".,;!").lower()
        if word:
            counts[word] = counts.get(word, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in top[:5]:
    print(f"{word:<8}{n:>3}")
print("distinct:", len(counts), "total:", sum(counts.values()))
