"""Indonesian labels of field values (phases, types, classes, levels): one home for site, handbook and maps."""

from __future__ import annotations

PHASES: tuple[tuple[str, str], ...] = (
    ("pencegahan", "Pencegahan"),
    ("penanganan", "Penanganan saat kejadian"),
    ("pasca", "Pasca kejadian"),
)
"""A guideline's phases in the order of an incident: prevention, handling, recovery."""
PHASE_LABELS = dict(PHASES)
PHASE_ORDER = {phase: index for index, (phase, _) in enumerate(PHASES)}
SITUATION_TYPE_LABELS = {"situasi": "Situasi", "masalah": "Masalah", "potensi": "Potensi"}
CLASS_LABELS = {"PG": "PG · potensi gangguan", "AG": "AG · ambang gangguan", "GN": "GN · gangguan nyata"}
STATUS_LABELS = {"draf": "Draf", "ditinjau": "Sedang ditinjau", "disahkan": "Disahkan", "dicabut": "Dicabut"}
STEP_LEVEL_LABELS = {"wajib": "Wajib", "sebaiknya": "Sebaiknya"}
"""A guideline step's level (required or advised); not an area's level, see AREA_LEVELS."""
MODEL_LABELS = {"wilayah": "Model wilayah", "kawasan": "Model kawasan", "adat": "Pranata adat"}
AREA_LEVELS: tuple[tuple[str, str], ...] = (
    ("provinsi", "Provinsi"), ("kabupaten", "Kabupaten"), ("kota", "Kota"), ("kecamatan", "Kecamatan"),
    ("kelurahan", "Kelurahan"), ("desa", "Desa"), ("rw", "RW"), ("rt", "RT"),
)
"""Outer to inner: maps draw boundaries in this order so the finer lines lie on top."""
AREA_LEVEL_LABELS = dict(AREA_LEVELS)
AREA_LEVEL_ORDER = {level: n for n, (level, _) in enumerate(AREA_LEVELS)}
PLACE_TYPE_LABELS: dict[str, str] = {
    "polsek": "Polsek", "pospol": "Pospol", "bkpm": "BKPM", "poskamling": "Pos kamling",
    "masalah": "Titik masalah", "potensi": "Potensi",
}
"""One per place type: the layer names in a map's layer control."""
ELEMENT_LABELS = {
    "masyarakat": "Masyarakat", "pemerintah": "Pemerintah", "polri": "Polri", "tni": "TNI",
    "tokoh-agama": "Tokoh agama", "tokoh-adat": "Tokoh adat", "pengelola": "Pengelola kawasan",
    "satpam": "Satpam", "pekerja": "Pekerja", "pedagang": "Pedagang", "pemuda": "Pemuda", "perempuan": "Perempuan",
}
"""A forum member's element, in the order the handbook's member list groups them."""
MEETING_KIND_LABELS = {"rutin": "Rutin", "luar-biasa": "Luar biasa", "pleno": "Pleno"}
FOLLOW_UP_LABELS = {"belum": "Belum dimulai", "berjalan": "Berjalan", "selesai": "Selesai"}
"""A decision's follow-up: not started, under way, done."""
NETWORK_ROLE_LABELS = {
    "tokoh-agama": "Tokoh agama", "tokoh-adat": "Tokoh adat", "tokoh-masyarakat": "Tokoh masyarakat",
    "ketua-rt-rw": "Ketua RT/RW", "karang-taruna": "Karang taruna", "pkk": "PKK",
    "ketua-paguyuban": "Ketua paguyuban", "ojek-pangkalan": "Ojek pangkalan",
    "pengurus-tempat-ibadah": "Pengurus masjid, gereja atau tempat ibadah", "satpam-kawasan": "Satpam kawasan",
    "pedagang": "Pedagang", "komunitas-hobi": "Komunitas hobi", "sekolah": "Sekolah dan guru", "linmas": "Linmas",
    "lainnya": "Lainnya",
}
"""A network's role (generator/model/network.py), in the order the model lists them."""
CAPABILITY_LABELS = {
    "menginformasikan": "menyebarkan informasi", "memediasi": "menengahi perselisihan",
    "menjadi-tuan-rumah": "menjadi tuan rumah pertemuan", "menggerakkan-warga": "menggerakkan warga",
}
"""What a network can do, as a sentence continues 'Dapat …'."""
COMMUNITY_LABELS = {"geografis": "Komunitas kewilayahan (geografis)", "kepentingan": "Komunitas kepentingan"}
