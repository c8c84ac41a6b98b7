//! Data for the phone validator.
//!
//! `CODES`: every country calling code assigned in ITU-T E.164 (the list
//! "Assigned country codes", Annex to ITU Operational Bulletin), with the
//! ISO 3166-1 regions that use it (first = main region; empty for
//! non-geographic codes such as 800 international freephone). E.164 codes
//! are prefix-free, so at most one entry matches the start of a number.
//!
//! `REGIONS`: for common regions, the national (trunk) prefix dialled before
//! the national significant number (NSN) and the NSN length range, from the
//! national numbering plans as summarized in libphonenumber's metadata.

/// (country calling code, space-separated regions).
#[rustfmt::skip]
pub(crate) const CODES: &[(u16, &str)] = &[
    (1, "US CA AG AI AS BB BM BS DM DO GD GU JM KN KY LC MP MS PR SX TC TT VC VG VI"),
    (7, "RU KZ"),
    (20, "EG"), (27, "ZA"), (30, "GR"), (31, "NL"), (32, "BE"), (33, "FR"), (34, "ES"),
    (36, "HU"), (39, "IT VA"), (40, "RO"), (41, "CH"), (43, "AT"), (44, "GB GG IM JE"),
    (45, "DK"), (46, "SE"), (47, "NO SJ"), (48, "PL"), (49, "DE"), (51, "PE"), (52, "MX"),
    (53, "CU"), (54, "AR"), (55, "BR"), (56, "CL"), (57, "CO"), (58, "VE"), (60, "MY"),
    (61, "AU CX CC"), (62, "ID"), (63, "PH"), (64, "NZ"), (65, "SG"), (66, "TH"), (81, "JP"),
    (82, "KR"), (84, "VN"), (86, "CN"), (90, "TR"), (91, "IN"), (92, "PK"), (93, "AF"),
    (94, "LK"), (95, "MM"), (98, "IR"),
    (211, "SS"), (212, "MA EH"), (213, "DZ"), (216, "TN"), (218, "LY"), (220, "GM"),
    (221, "SN"), (222, "MR"), (223, "ML"), (224, "GN"), (225, "CI"), (226, "BF"), (227, "NE"),
    (228, "TG"), (229, "BJ"), (230, "MU"), (231, "LR"), (232, "SL"), (233, "GH"), (234, "NG"),
    (235, "TD"), (236, "CF"), (237, "CM"), (238, "CV"), (239, "ST"), (240, "GQ"), (241, "GA"),
    (242, "CG"), (243, "CD"), (244, "AO"), (245, "GW"), (246, "IO"), (247, "AC"), (248, "SC"),
    (249, "SD"), (250, "RW"), (251, "ET"), (252, "SO"), (253, "DJ"), (254, "KE"), (255, "TZ"),
    (256, "UG"), (257, "BI"), (258, "MZ"), (260, "ZM"), (261, "MG"), (262, "RE YT"),
    (263, "ZW"), (264, "NA"), (265, "MW"), (266, "LS"), (267, "BW"), (268, "SZ"), (269, "KM"),
    (290, "SH TA"), (291, "ER"), (297, "AW"), (298, "FO"), (299, "GL"),
    (350, "GI"), (351, "PT"), (352, "LU"), (353, "IE"), (354, "IS"), (355, "AL"), (356, "MT"),
    (357, "CY"), (358, "FI AX"), (359, "BG"), (370, "LT"), (371, "LV"), (372, "EE"),
    (373, "MD"), (374, "AM"), (375, "BY"), (376, "AD"), (377, "MC"), (378, "SM"), (380, "UA"),
    (381, "RS"), (382, "ME"), (383, "XK"), (385, "HR"), (386, "SI"), (387, "BA"), (389, "MK"),
    (420, "CZ"), (421, "SK"), (423, "LI"),
    (500, "FK"), (501, "BZ"), (502, "GT"), (503, "SV"), (504, "HN"), (505, "NI"), (506, "CR"),
    (507, "PA"), (508, "PM"), (509, "HT"), (590, "GP BL MF"), (591, "BO"), (592, "GY"),
    (593, "EC"), (594, "GF"), (595, "PY"), (596, "MQ"), (597, "SR"), (598, "UY"),
    (599, "CW BQ"),
    (670, "TL"), (672, "NF"), (673, "BN"), (674, "NR"), (675, "PG"), (676, "TO"), (677, "SB"),
    (678, "VU"), (679, "FJ"), (680, "PW"), (681, "WF"), (682, "CK"), (683, "NU"), (685, "WS"),
    (686, "KI"), (687, "NC"), (688, "TV"), (689, "PF"), (690, "TK"), (691, "FM"), (692, "MH"),
    (800, ""), (808, ""), (850, "KP"), (852, "HK"), (853, "MO"), (855, "KH"), (856, "LA"),
    (870, ""), (878, ""), (880, "BD"), (881, ""), (882, ""), (883, ""), (886, "TW"), (888, ""),
    (960, "MV"), (961, "LB"), (962, "JO"), (963, "SY"), (964, "IQ"), (965, "KW"), (966, "SA"),
    (967, "YE"), (968, "OM"), (970, "PS"), (971, "AE"), (972, "IL"), (973, "BH"), (974, "QA"),
    (975, "BT"), (976, "MN"), (977, "NP"), (979, ""), (992, "TJ"), (993, "TM"), (994, "AZ"),
    (995, "GE"), (996, "KG"), (998, "UZ"),
];

/// A region's dialling rules.
pub(super) struct Region {
    /// ISO 3166-1 alpha-2.
    pub code: &'static str,
    /// Country calling code.
    pub cc: u16,
    /// National (trunk) prefix, stripped from national input ("" if none).
    pub trunk: &'static str,
    /// Shortest and longest national significant number.
    pub min: usize,
    /// See `min`.
    pub max: usize,
}

macro_rules! regions {
    ($(($code:literal, $cc:literal, $trunk:literal, $min:literal, $max:literal)),* $(,)?) => {
        &[$(Region { code: $code, cc: $cc, trunk: $trunk, min: $min, max: $max }),*]
    };
}

/// 50 regions with trunk prefix and NSN lengths.
#[rustfmt::skip]
pub(super) const REGIONS: &[Region] = regions![
    ("US", 1, "1", 10, 10), ("CA", 1, "1", 10, 10), ("GB", 44, "0", 9, 10),
    ("DE", 49, "0", 6, 13), ("FR", 33, "0", 9, 9), ("ES", 34, "", 9, 9),
    ("IT", 39, "", 6, 11), ("NL", 31, "0", 9, 9), ("BE", 32, "0", 8, 9),
    ("CH", 41, "0", 9, 9), ("AT", 43, "0", 4, 13), ("SE", 46, "0", 7, 10),
    ("NO", 47, "", 8, 8), ("DK", 45, "", 8, 8), ("FI", 358, "0", 5, 12),
    ("PL", 48, "", 9, 9), ("PT", 351, "", 9, 9), ("IE", 353, "0", 7, 10),
    ("CZ", 420, "", 9, 9), ("SK", 421, "0", 9, 9), ("HU", 36, "06", 8, 9),
    ("RO", 40, "0", 9, 9), ("GR", 30, "", 10, 10), ("TR", 90, "0", 10, 10),
    ("RU", 7, "8", 10, 10), ("KZ", 7, "8", 10, 10), ("UA", 380, "0", 9, 9),
    ("IL", 972, "0", 8, 9), ("AE", 971, "0", 8, 9), ("SA", 966, "0", 9, 9),
    ("EG", 20, "0", 8, 10), ("ZA", 27, "0", 9, 9), ("NG", 234, "0", 8, 10),
    ("KE", 254, "0", 9, 9), ("IN", 91, "0", 10, 10), ("PK", 92, "0", 9, 10),
    ("BD", 880, "0", 8, 10), ("CN", 86, "0", 10, 11), ("JP", 81, "0", 9, 10),
    ("KR", 82, "0", 8, 10), ("TW", 886, "0", 8, 9), ("HK", 852, "", 8, 8),
    ("SG", 65, "", 8, 8), ("MY", 60, "0", 9, 10), ("TH", 66, "0", 8, 9),
    ("VN", 84, "0", 9, 10), ("PH", 63, "0", 8, 10), ("ID", 62, "0", 9, 12),
    ("AU", 61, "0", 9, 9), ("NZ", 64, "0", 8, 10), ("MX", 52, "", 10, 10),
    ("BR", 55, "0", 10, 11), ("AR", 54, "0", 10, 11), ("CL", 56, "", 9, 9),
    ("CO", 57, "", 10, 10), ("PE", 51, "0", 8, 9),
];
