raw = [(0.0, 10.2), (0.5, 12.9), (1.0, 30.1), (1.5, 55.0), (2.0, 31.2), (2.5, 12.5), (3.0, 10.0)]
background = min(y for _, y in raw)
corrected = [(x, round(y - background, 6)) for x, y in raw]
print(corrected)
total = sum(y for _, y in corrected)
centroid = sum(x * y for x, y in corrected) / total
print(f"centroid={centroid:.4f}")
peak_x, peak_y = max(corrected, key=lambda p: p[1])
half = peak_y / 2
above = [x for x, y in corrected if y >= half]
print(f"peak at {peak_x} height {peak_y:.2f}, fwhm approx {above[-1] - above[0]}")
normalized = [round(y / peak_y, 3) for _, y in corrected]
print(normalized)
