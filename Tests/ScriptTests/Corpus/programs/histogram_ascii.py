data = [2, 3, 3, 5, 5, 5, 6, 7, 7, 7, 7, 8, 9, 9, 10, 12]
lo, hi, nbins = 0, 12, 4
width = (hi - lo) / nbins
bins = [0] * nbins
for v in data:
    idx = min(int((v - lo) / width), nbins - 1)
    bins[idx] += 1
for i, c in enumerate(bins):
    left = lo + i * width
    print(f"[{left:5.1f}, {left + width:5.1f}) {'#' * c} {c}")
mean = sum(data) / len(data)
var = sum((v - mean) ** 2 for v in data) / (len(data) - 1)
print(f"mean={mean:.3f} var={var:.3f}")
