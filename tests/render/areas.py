"""One small area with a boundary, for map tests that only need somewhere to put a place."""

NGRANDUSARI = """
id: ngrandusari
code: "99.71.04.1001"
level: kelurahan
name: Kelurahan Ngrandusari
geometry:
  type: Polygon
  coordinates: [[[110.50, -7.36], [110.53, -7.36], [110.53, -7.34], [110.50, -7.34], [110.50, -7.36]]]
"""
