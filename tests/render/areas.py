"""One small area with a boundary, for map tests that only need somewhere to put a place."""

NGRANDUSARI = """
id: ngrandusari
code: "99.71.04.1001"
level: kelurahan
name: Kelurahan Ngrandusari
geometry:
  type: Polygon
  coordinates: [[[111.63, -5.34], [111.60, -5.34], [111.60, -5.36], [111.63, -5.36], [111.63, -5.34]]]
"""
