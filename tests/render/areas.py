"""One small area with a boundary, for map tests that only need somewhere to put a place."""

KECANDRAN = """
id: kecandran
code: "33.73.04.1001"
level: kelurahan
name: Kelurahan Kecandran
geometry:
  type: Polygon
  coordinates: [[[110.50, -7.36], [110.53, -7.36], [110.53, -7.34], [110.50, -7.34], [110.50, -7.36]]]
"""
