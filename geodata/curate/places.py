"""Office coordinates chosen by hand: city centres and the points of proposals that name no city."""

# Coordinates replaced where the reference pin is a municipal government seat in a new
# district several km from the city centre, or an island/metro centroid.
CENTRES = {
    "Tokyo": (35.682, 139.759),  # reference 139.650 is ~10 km west (Shibuya/Setagaya)
    "Singapore": (1.290, 103.852),  # reference 1.352,103.820 is the island centroid
    "Chengdu": (30.657, 104.066),  # Tianfu Square; reference is 9 km south
    "Xi'an": (34.261, 108.942),  # Bell Tower; reference is the new civic centre, 9 km north
    "Jinan": (36.661, 117.020),  # Quancheng Square; reference is 9 km east
    "Changsha": (28.196, 112.977),  # Wuyi Square
    "Nanning": (22.817, 108.320),  # Chaoyang Square
    "Zhengzhou": (34.754, 113.665),  # Erqi Square
    "Chongqing": (29.558, 106.577),  # Jiefangbei
}
# Where a proposal names no city: the point is placed at the capital (precision country /
# province) or, for a region, at a point inside it (precision region).
CAPITALS = {
    "IND": ("New Delhi", "新德里", 28.614, 77.209),
    "RUS": ("Moscow", "莫斯科", 55.756, 37.617),
    "KAZ": ("Astana", "阿斯塔納", 51.169, 71.449),
    "ARE": ("Abu Dhabi", "阿布扎比", 24.453, 54.377),
    "POL": ("Warsaw", "華沙", 52.230, 21.012),
    "THA": ("Bangkok", "曼谷", 13.756, 100.502),
    "VNM": ("Hanoi", "河內", 21.028, 105.854),
    "MEX": ("Mexico City", "墨西哥城", 19.433, -99.133),
    "ZAF": ("Pretoria", "比勒陀利亞", -25.746, 28.188),
    "650000": ("Urumqi", "烏魯木齊", 43.825, 87.617),
    "350000": ("Fuzhou", "福州", 26.074, 119.296),
    "western-china": ("Lanzhou", "蘭州", 36.061, 103.834),
}
